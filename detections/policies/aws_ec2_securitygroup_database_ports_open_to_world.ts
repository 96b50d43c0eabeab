import { definePolicy } from '../../src/detect/policy';
import { securityGroup, tcpPermission } from '../../src/scan/test-resources';
import { describePorts, securityGroupPortsOpenToWorld } from '../lib/network';

export default definePolicy({
  id: 'AWS.EC2.SecurityGroup.DatabasePortsOpenToWorld',
  resourceTypes: ['AWS.EC2.SecurityGroup'],
  severity: 'HIGH',
  description:
    'The security group lets anyone on the internet reach a database or cache port (MySQL, PostgreSQL, SQL Server, Redis, MongoDB, Elasticsearch, …). Exposed data stores are found by scanners within hours and are a leading cause of data leaks.',
  runbook:
    "Find the database behind the group and remove the rule; allow only the application's security group, or a VPN range for people. If the store was reachable without strong authentication, treat its data as exposed: check its connection logs and rotate its credentials.",
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19',
  tags: ['TA0001:T1190'],
  policy: (group, { standards }) => securityGroupPortsOpenToWorld(group.IpPermissions, standards.databasePorts).length === 0,
  title: (group, { standards }) =>
    `Security group ${group.Id} (${group.Name}) opens database ${describePorts(securityGroupPortsOpenToWorld(group.IpPermissions, standards.databasePorts))} to the internet`,
  alertContext: (group, { standards }) => ({
    groupId: group.Id,
    vpcId: group.VpcId,
    openPorts: securityGroupPortsOpenToWorld(group.IpPermissions, standards.databasePorts),
  }),
  tests: [
    { name: 'HTTPS from anywhere complies', expect: true, resource: securityGroup() },
    {
      name: 'PostgreSQL from another security group complies',
      expect: true,
      resource: securityGroup({ IpPermissions: [tcpPermission(5432, [], { UserIdGroupPairs: [{ GroupId: 'sg-0aaaabbbbccccdddd', UserId: null }] })] }),
    },
    { name: 'MySQL from 0.0.0.0/0 fails', expect: false, resource: securityGroup({ IpPermissions: [tcpPermission(3306, ['0.0.0.0/0'])] }) },
    {
      name: 'Redis from ::/0 fails',
      expect: false,
      resource: securityGroup({ IpPermissions: [tcpPermission(6379, [], { Ipv6Ranges: [{ CidrIpv6: '::/0', Description: null }] })] }),
    },
  ],
});
