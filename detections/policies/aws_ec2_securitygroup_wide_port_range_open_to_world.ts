import { definePolicy } from '../../src/detect/policy';
import { securityGroup, tcpPermission } from '../../src/scan/test-resources';
import type { Ec2SecurityGroup } from '../../src/scan/resources/ec2-security-group';
import { worldRanges } from '../lib/network';

const MAX_RANGE = 100;

/** TCP/UDP rules from the internet spanning more than MAX_RANGE ports, as "tcp 1024-65535". */
function wideRules(group: Ec2SecurityGroup): string[] {
  return (group.IpPermissions ?? [])
    .filter((permission) => permission.IpProtocol !== '-1' && worldRanges(permission).length > 0)
    .filter((permission) => (permission.ToPort ?? 65535) - (permission.FromPort ?? 0) + 1 > MAX_RANGE)
    .map((permission) => `${permission.IpProtocol ?? '?'} ${permission.FromPort ?? 0}-${permission.ToPort ?? 65535}`);
}

export default definePolicy({
  id: 'AWS.EC2.SecurityGroup.WidePortRangeOpenToWorld',
  resourceTypes: ['AWS.EC2.SecurityGroup'],
  severity: 'MEDIUM',
  description:
    'The security group opens a range of more than 100 ports to the internet. Wide ranges are usually a shortcut that exposes far more services than intended.',
  runbook: 'Narrow the rule to the ports actually served, or restrict its source to known addresses.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  tags: ['TA0001:T1190'],
  policy: (group) => wideRules(group).length === 0,
  title: (group) => `Security group ${group.Id ?? group.ResourceId} opens ${wideRules(group).join(', ')} to the internet`,
  tests: [
    { name: 'a group opening single ports complies', expect: true, resource: securityGroup() },
    {
      name: 'a group opening 1024-65535 to the world fails',
      expect: false,
      resource: securityGroup({ IpPermissions: [tcpPermission(1024, ['0.0.0.0/0'], { ToPort: 65535 })] }),
    },
  ],
});
