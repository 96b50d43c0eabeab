import { definePolicy } from '../../src/detect/policy';
import { securityGroup } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.SecurityGroup.DefaultAllowsTraffic',
  resourceTypes: ['AWS.EC2.SecurityGroup'],
  severity: 'MEDIUM',
  description:
    "A VPC's default security group has inbound or outbound rules. Anything launched without an explicit group lands in the default one, so its rules quietly apply to resources nobody meant to expose; it should allow nothing.",
  runbook:
    'Move resources that use the default group to purpose-made groups (EC2 → Network interfaces, filter by the group), then delete every inbound and outbound rule of the default group. It cannot be deleted, only emptied.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  tags: ['TA0005:T1562.007'],
  policy: (group) => group.Name !== 'default' || ((group.IpPermissions ?? []).length === 0 && (group.IpPermissionsEgress ?? []).length === 0),
  title: (group) => `Default security group ${group.Id} of ${group.VpcId ?? 'its VPC'} allows traffic`,
  alertContext: (group) => ({
    groupId: group.Id,
    vpcId: group.VpcId,
    inboundRules: (group.IpPermissions ?? []).length,
    outboundRules: (group.IpPermissionsEgress ?? []).length,
  }),
  tests: [
    { name: 'an empty default group complies', expect: true, resource: securityGroup({ Name: 'default', IpPermissions: [], IpPermissionsEgress: [] }) },
    { name: 'a non-default group with rules complies', expect: true, resource: securityGroup() },
    {
      name: 'a default group with its out-of-the-box rules fails',
      expect: false,
      resource: securityGroup({
        Name: 'default',
        IpPermissions: [
          {
            IpProtocol: '-1',
            FromPort: null,
            ToPort: null,
            IpRanges: [],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0', UserId: null }],
          },
        ],
      }),
    },
    { name: 'a default group with only egress fails', expect: false, resource: securityGroup({ Name: 'default', IpPermissions: [] }) },
  ],
});
