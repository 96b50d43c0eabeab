import { definePolicy } from '../../src/detect/policy';
import { iamRole, trustPolicy } from '../../src/scan/test-resources';
import { documentExternalAccounts } from '../lib/documents';

export default definePolicy({
  id: 'AWS.IAM.Role.TrustsOutsideAccount',
  resourceTypes: ['AWS.IAM.Role'],
  severity: 'MEDIUM',
  description:
    'The role can be assumed from an AWS account outside this one and outside the accounts the organisation trusts (scanPolicies.trustedAccounts). Whoever controls that account controls what the role may do here.',
  runbook:
    'Confirm the account belongs to a vendor or team you trust, then add it to scanPolicies.trustedAccounts in prowl.config.yml; otherwise remove it from the trust policy. Third parties should be required to send an sts:ExternalId.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  tags: ['TA0001:T1199'],
  policy: (role, context) => documentExternalAccounts(role.AssumeRolePolicyDocument, role.AccountId, context).length === 0,
  title: (role, context) =>
    `IAM role ${role.Name ?? role.ResourceId} trusts account(s) ${documentExternalAccounts(role.AssumeRolePolicyDocument, role.AccountId, context).join(', ')}`,
  tests: [
    {
      name: 'a role trusted by its own account complies',
      expect: true,
      resource: iamRole({ AssumeRolePolicyDocument: trustPolicy({ AWS: 'arn:aws:iam::123456789012:root' }) }),
    },
    {
      name: 'a role trusted by another account fails',
      expect: false,
      resource: iamRole({ AssumeRolePolicyDocument: trustPolicy({ AWS: ['arn:aws:iam::999988887777:role/vendor'] }) }),
    },
  ],
});
