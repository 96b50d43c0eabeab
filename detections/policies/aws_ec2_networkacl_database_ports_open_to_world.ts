import { definePolicy } from '../../src/detect/policy';
import { aclEntry, networkAcl } from '../../src/scan/test-resources';
import { describePorts, networkAclPortsOpenToWorld } from '../lib/network';

export default definePolicy({
  id: 'AWS.EC2.NetworkACL.DatabasePortsOpenToWorld',
  resourceTypes: ['AWS.EC2.NetworkACL'],
  severity: 'LOW',
  description:
    'The network ACL lets traffic from anywhere reach database and cache ports. Security groups still apply, but the subnet has lost its second line of defence for its data stores.',
  runbook: 'Add deny entries for the database ports from 0.0.0.0/0 and ::/0 ahead of the allow entries, or allow only the ports the subnet serves.',
  reference: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  tags: ['TA0001:T1190'],
  policy: (acl, { standards }) => networkAclPortsOpenToWorld(acl.Entries, standards.databasePorts).length === 0,
  title: (acl, { standards }) =>
    `Network ACL ${acl.Id ?? acl.ResourceId} allows ${describePorts(networkAclPortsOpenToWorld(acl.Entries, standards.databasePorts))} from the internet`,
  tests: [
    { name: 'an ACL allowing HTTPS only complies', expect: true, resource: networkAcl() },
    { name: 'an ACL allowing all traffic fails', expect: false, resource: networkAcl({ Entries: [aclEntry({ RuleNumber: 100, Protocol: '-1' })] }) },
  ],
});
