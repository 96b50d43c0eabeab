import { definePolicy } from '../../src/detect/policy';
import { ALL_TRAFFIC_OUT, securityGroup } from '../../src/scan/test-resources';
import { worldRanges } from '../lib/network';

export default definePolicy({
  id: 'AWS.EC2.SecurityGroup.AllTrafficOpenToWorld',
  resourceTypes: ['AWS.EC2.SecurityGroup'],
  severity: 'CRITICAL',
  description:
    'The security group allows every protocol and port from anywhere on the internet. Whatever runs behind it, databases and admin consoles included, is exposed.',
  runbook:
    "Replace the rule with rules for the ports the service needs, from the addresses that need them. Check what the group is attached to and those hosts' logs for access from unknown addresses.",
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  tags: ['TA0001:T1190'],
  policy: (group) => !(group.IpPermissions ?? []).some((permission) => permission.IpProtocol === '-1' && worldRanges(permission).length > 0),
  title: (group) => `Security group ${group.Id ?? group.ResourceId} (${group.Name ?? 'unnamed'}) allows all traffic from the internet`,
  tests: [
    { name: 'a group opening only HTTPS complies', expect: true, resource: securityGroup() },
    { name: 'a group allowing all traffic from 0.0.0.0/0 fails', expect: false, resource: securityGroup({ IpPermissions: [ALL_TRAFFIC_OUT] }) },
  ],
});
