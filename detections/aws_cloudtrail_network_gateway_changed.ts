import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Gateways are the doors of a VPC: to the internet, to on-premises networks, or out only. */
const GATEWAY_CHANGES = new Set([
  'CreateInternetGateway',
  'AttachInternetGateway',
  'DetachInternetGateway',
  'DeleteInternetGateway',
  'CreateEgressOnlyInternetGateway',
  'DeleteEgressOnlyInternetGateway',
  'CreateCustomerGateway',
  'DeleteCustomerGateway',
  'AttachVpnGateway',
  'DetachVpnGateway',
]);

function gatewayOf(event: CloudTrailEvent): string {
  return (
    requestText(event, 'internetGatewayId') ??
    requestText(event, 'customerGatewayId') ??
    requestText(event, 'vpnGatewayId') ??
    requestText(event, 'egressOnlyInternetGatewayId') ??
    requestText(event, 'ipAddress') ??
    'a new gateway'
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.NetworkGatewayChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An internet, egress-only, customer or VPN gateway was created, attached, detached or deleted: a new path into or out of a VPC, or a path removed. Calls made through AWS services such as CloudFormation are skipped.',
  runbook:
    "Check the VPC involved and whether the change is in IaC. Attaching an internet gateway to a VPC meant to be private, or a customer gateway to an unknown address, is the risky case: detach it, then review the VPC's flow logs for traffic that used the new path.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
  tags: ['TA0011:T1090', 'TA0010:T1048'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && GATEWAY_CHANGES.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) =>
    `${actorOf(event)} called ${event.eventName} on ${gatewayOf(event)}${requestText(event, 'vpcId') ? ` (${requestText(event, 'vpcId')})` : ''} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'vpcId') ?? gatewayOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'attaching an internet gateway to a VPC matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'AttachInternetGateway', requestParameters: { internetGatewayId: 'igw-0c0ffee0', vpcId: 'vpc-0private' } }),
    },
    {
      name: 'creating a customer gateway matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'CreateCustomerGateway', requestParameters: { type: 'ipsec.1', ipAddress: '192.0.2.44', bgpAsn: 65000 } }),
    },
    {
      name: 'creating a NAT gateway does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'CreateNatGateway', requestParameters: { CreateNatGatewayRequest: { SubnetId: 'subnet-0abc' } } }),
    },
    { name: 'describing gateways does not match', expect: false, event: cloudTrailWrite({ eventName: 'DescribeInternetGateways', readOnly: true }) },
  ],
});
