import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isExplicitFalse } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const ACL_CHANGES = new Set([
  'CreateNetworkAcl',
  'CreateNetworkAclEntry',
  'DeleteNetworkAcl',
  'DeleteNetworkAclEntry',
  'ReplaceNetworkAclEntry',
  'ReplaceNetworkAclAssociation',
]);

/** A new or replaced entry that lets the whole internet in is the change worth a closer look. */
function allowsWorldIngress(event: CloudTrailEvent): boolean {
  const cidr = requestText(event, 'cidrBlock') ?? requestText(event, 'ipv6CidrBlock');
  return (
    (event.eventName === 'CreateNetworkAclEntry' || event.eventName === 'ReplaceNetworkAclEntry') &&
    requestText(event, 'ruleAction') === 'allow' &&
    isExplicitFalse(requestParam(event, 'egress')) &&
    (cidr === '0.0.0.0/0' || cidr === '::/0')
  );
}

function aclOf(event: CloudTrailEvent): string {
  return requestText(event, 'networkAclId') ?? requestText(event, 'vpcId') ?? requestText(event, 'associationId') ?? 'unknown ACL';
}

export default defineRule({
  id: 'AWS.CloudTrail.NetworkAclChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A network ACL or one of its entries was created, replaced or deleted. NACLs are the subnet-level firewall; changes outside IaC (AWS-service calls such as CloudFormation are skipped) can open subnets or cut off logging and monitoring paths.',
  runbook:
    "Compare the change (alert context: rule number, action, CIDR, ports) with the VPC's IaC. An allow rule from 0.0.0.0/0 or a deleted deny rule deserves a question to the actor; revert anything unplanned and check the affected subnets' flow logs for new inbound traffic.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  tags: ['TA0005:T1562.007'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && ACL_CHANGES.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) =>
    `${actorOf(event)} called ${event.eventName} on network ACL ${aclOf(event)} in ${whereOf(event)}${allowsWorldIngress(event) ? ', allowing inbound traffic from anywhere' : ''}`,
  dedup: (event) => `${accountOf(event)}:${aclOf(event)}`,
  dynamicSeverity: (event) => (allowsWorldIngress(event) ? 'MEDIUM' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'an inbound allow-all entry matches',
      expect: true,
      event: cloudTrailWrite({
        eventName: 'CreateNetworkAclEntry',
        requestParameters: {
          networkAclId: 'acl-0a1b2c3d',
          ruleNumber: 90,
          egress: false,
          ruleAction: 'allow',
          icmpTypeCode: {},
          portRange: { from: 0, to: 65535 },
          aclProtocol: '-1',
          cidrBlock: '0.0.0.0/0',
        },
      }),
    },
    {
      name: 'deleting an entry matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'DeleteNetworkAclEntry', requestParameters: { networkAclId: 'acl-0a1b2c3d', ruleNumber: 50, egress: false } }),
    },
    {
      name: 'a CloudFormation-driven change does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'CreateNetworkAcl',
        userIdentity: { ...assumedRoleIdentity('Deployer', 'AWSCloudFormation'), invokedBy: 'cloudformation.amazonaws.com' },
        requestParameters: { vpcId: 'vpc-0abc' },
      }),
    },
    { name: 'describing ACLs does not match', expect: false, event: cloudTrailEvent({ eventName: 'DescribeNetworkAcls' }) },
  ],
});
