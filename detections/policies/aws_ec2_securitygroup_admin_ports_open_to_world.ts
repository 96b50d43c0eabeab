import { definePolicy } from '../../src/detect/policy';
import { securityGroup, tcpPermission } from '../../src/scan/test-resources';
import { describePorts, securityGroupPortsOpenToWorld } from '../lib/network';

export default definePolicy({
  id: 'AWS.EC2.SecurityGroup.AdminPortsOpenToWorld',
  resourceTypes: ['AWS.EC2.SecurityGroup'],
  severity: 'HIGH',
  description: `The security group lets anyone on the internet (0.0.0.0/0 or ::/0) reach a remote administration port (prowl.config.yml → scanPolicies.adminPorts; 22 and 3389 by default). Internet-facing SSH and RDP are scanned and brute-forced within minutes of opening.`,
  runbook:
    "Find what uses the group (EC2 → Security groups → the group → associated resources). Replace the rule with one limited to the VPN or office ranges, or remove it and use SSM Session Manager. Check the hosts' auth logs for logins from unknown addresses while it was open.",
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13',
  tags: ['TA0001:T1133', 'TA0008:T1021.004', 'TA0008:T1021.001'],
  policy: (group, { standards }) => securityGroupPortsOpenToWorld(group.IpPermissions, standards.adminPorts).length === 0,
  title: (group, { standards }) =>
    `Security group ${group.Id} (${group.Name}) opens ${describePorts(securityGroupPortsOpenToWorld(group.IpPermissions, standards.adminPorts))} to the internet`,
  alertContext: (group, { standards }) => ({
    groupId: group.Id,
    vpcId: group.VpcId,
    openPorts: securityGroupPortsOpenToWorld(group.IpPermissions, standards.adminPorts),
  }),
  tests: [
    { name: 'SSH from a private range and HTTPS from anywhere complies', expect: true, resource: securityGroup() },
    { name: 'SSH from 0.0.0.0/0 fails', expect: false, resource: securityGroup({ IpPermissions: [tcpPermission(22, ['0.0.0.0/0'])] }) },
    {
      name: 'RDP from ::/0 fails',
      expect: false,
      resource: securityGroup({ IpPermissions: [tcpPermission(3389, [], { Ipv6Ranges: [{ CidrIpv6: '::/0', Description: null }] })] }),
    },
    {
      name: 'a port range spanning 22 from anywhere fails',
      expect: false,
      resource: securityGroup({ IpPermissions: [tcpPermission(0, ['0.0.0.0/0'], { FromPort: 0, ToPort: 1024 })] }),
    },
    {
      name: 'all traffic from anywhere fails',
      expect: false,
      resource: securityGroup({
        IpPermissions: [
          {
            IpProtocol: '-1',
            FromPort: null,
            ToPort: null,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: null }],
            Ipv6Ranges: [],
            PrefixListIds: [],
            UserIdGroupPairs: [],
          },
        ],
      }),
    },
    {
      name: 'UDP 22 from anywhere complies',
      expect: true,
      resource: securityGroup({ IpPermissions: [tcpPermission(22, ['0.0.0.0/0'], { IpProtocol: 'udp' })] }),
    },
  ],
});
