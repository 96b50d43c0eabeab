import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const ROUTE_CHANGES = new Set([
  'CreateRoute',
  'CreateRouteTable',
  'ReplaceRoute',
  'ReplaceRouteTableAssociation',
  'DeleteRoute',
  'DeleteRouteTable',
  'DisassociateRouteTable',
  'AssociateRouteTable',
]);

/** A changed default route redirects everything a subnet sends to the outside. */
function touchesDefaultRoute(event: CloudTrailEvent): boolean {
  const destination = requestText(event, 'destinationCidrBlock') ?? requestText(event, 'destinationIpv6CidrBlock');
  return destination === '0.0.0.0/0' || destination === '::/0';
}

function targetOf(event: CloudTrailEvent): string | undefined {
  return (
    requestText(event, 'gatewayId') ??
    requestText(event, 'natGatewayId') ??
    requestText(event, 'networkInterfaceId') ??
    requestText(event, 'instanceId') ??
    requestText(event, 'transitGatewayId') ??
    requestText(event, 'vpcPeeringConnectionId')
  );
}

function tableOf(event: CloudTrailEvent): string {
  return requestText(event, 'routeTableId') ?? requestText(event, 'associationId') ?? requestText(event, 'vpcId') ?? 'unknown route table';
}

export default defineRule({
  id: 'AWS.CloudTrail.RouteTableChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "A VPC route or route table was created, replaced, associated or deleted outside AWS-service automation. A changed default route can send a subnet's traffic through an attacker-controlled instance or expose a private subnet.",
  runbook:
    "Compare the route (destination and target in the alert) with the VPC's IaC. A default route (0.0.0.0/0) to an instance or network interface, or to a peering connection, is the case to question: revert it if unplanned and check flow logs for traffic that followed the new route.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html',
  tags: ['TA0005:T1562.007', 'TA0009:T1557'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && ROUTE_CHANGES.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => {
    const destination = requestText(event, 'destinationCidrBlock') ?? requestText(event, 'destinationIpv6CidrBlock');
    const route = destination ? ` ${destination}${targetOf(event) ? ` → ${targetOf(event)}` : ''}` : '';
    return `${actorOf(event)} called ${event.eventName}${route} on ${tableOf(event)} in ${whereOf(event)}`;
  },
  dedup: (event) => `${accountOf(event)}:${tableOf(event)}`,
  dynamicSeverity: (event) => (touchesDefaultRoute(event) ? 'MEDIUM' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'a default route through an instance matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'ReplaceRoute',
        requestParameters: { routeTableId: 'rtb-0abc', destinationCidrBlock: '0.0.0.0/0', instanceId: 'i-0123456789abcdef0' },
      }),
    },
    {
      name: 'associating a subnet with a table matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'AssociateRouteTable', requestParameters: { routeTableId: 'rtb-0abc', subnetId: 'subnet-0def' } }),
    },
    { name: 'describing route tables does not match', expect: false, event: cloudTrailWrite({ eventName: 'DescribeRouteTables', readOnly: true }) },
    {
      name: 'a route change made by an AWS service does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'CreateRoute',
        userIdentity: { type: 'AWSService', invokedBy: 'ec2.amazonaws.com' },
        requestParameters: { routeTableId: 'rtb-0abc', destinationCidrBlock: '10.1.0.0/16', transitGatewayId: 'tgw-0abc' },
      }),
    },
  ],
});
