import { definePolicy } from '../../src/detect/policy';
import type { NetworkAclEntry } from '../../src/scan/resources/ec2-network-acl';
import { networkAcl } from '../../src/scan/test-resources';
import { describePorts, networkAclPortsOpenToWorld } from '../lib/network';

function ingress(RuleNumber: number, RuleAction: 'allow' | 'deny', fields: Partial<NetworkAclEntry> = {}): NetworkAclEntry {
  return { RuleNumber, Protocol: '-1', RuleAction, Egress: false, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: null, PortRange: null, ...fields };
}

export default definePolicy({
  id: 'AWS.EC2.NetworkACL.AdminPortsOpenToWorld',
  resourceTypes: ['AWS.EC2.NetworkACL'],
  severity: 'LOW',
  description: `The network ACL lets traffic from anywhere on the internet reach remote administration ports (prowl.config.yml → scanPolicies.adminPorts; 22 and 3389 by default). Security groups still apply, but the subnet has lost its second line of defence. A default ACL allowing everything fails too.`,
  runbook:
    'Add a deny entry for the admin ports from 0.0.0.0/0 and ::/0 with a rule number below the allow entries (VPC → Network ACLs → the ACL → Inbound rules), or replace the allow-all entry with entries for the ports the subnet serves. Keep return traffic (ephemeral ports) allowed.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  tags: ['TA0001:T1133', 'TA0005:T1562.007'],
  policy: (acl, { standards }) => networkAclPortsOpenToWorld(acl.Entries, standards.adminPorts).length === 0,
  title: (acl, { standards }) =>
    `Network ACL ${acl.Id}${acl.IsDefault ? ' (default)' : ''} allows ${describePorts(networkAclPortsOpenToWorld(acl.Entries, standards.adminPorts))} from the internet`,
  alertContext: (acl, { standards }) => ({
    networkAclId: acl.Id,
    vpcId: acl.VpcId,
    associations: acl.Associations,
    openPorts: networkAclPortsOpenToWorld(acl.Entries, standards.adminPorts),
  }),
  tests: [
    { name: 'an ACL allowing HTTPS from anywhere and SSH from a private range complies', expect: true, resource: networkAcl() },
    {
      name: 'a default ACL allowing all traffic fails',
      expect: false,
      resource: networkAcl({ IsDefault: true, Entries: [ingress(100, 'allow'), ingress(32767, 'deny')] }),
    },
    {
      name: 'a deny for admin ports ahead of allow-all complies',
      expect: true,
      resource: networkAcl({
        Entries: [
          ingress(50, 'deny', { Protocol: '6', PortRange: { From: 22, To: 22 } }),
          ingress(60, 'deny', { Protocol: '6', PortRange: { From: 3389, To: 3389 } }),
          ingress(70, 'deny', { Protocol: '6', CidrBlock: null, Ipv6CidrBlock: '::/0', PortRange: { From: 0, To: 65535 } }),
          ingress(100, 'allow'),
        ],
      }),
    },
    {
      name: 'a deny placed after the allow does not close the port and fails',
      expect: false,
      resource: networkAcl({
        Entries: [
          ingress(100, 'allow', { Protocol: '6', PortRange: { From: 22, To: 22 } }),
          ingress(200, 'deny', { Protocol: '6', PortRange: { From: 22, To: 22 } }),
        ],
      }),
    },
    {
      name: 'an IPv6 allow-all fails',
      expect: false,
      resource: networkAcl({ Entries: [ingress(100, 'allow', { CidrBlock: null, Ipv6CidrBlock: '::/0' })] }),
    },
  ],
});
