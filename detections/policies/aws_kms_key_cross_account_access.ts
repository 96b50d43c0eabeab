import { definePolicy } from '../../src/detect/policy';
import { kmsKey, policyDocument } from '../../src/scan/test-resources';
import { documentExternalAccounts } from '../lib/documents';

export default definePolicy({
  id: 'AWS.KMS.Key.CrossAccountAccess',
  resourceTypes: ['AWS.KMS.Key'],
  severity: 'MEDIUM',
  description: 'The key policy lets principals of another AWS account, outside those the organisation trusts, use or manage the key.',
  runbook:
    'Confirm the account is meant to use the key and add it to scanPolicies.trustedAccounts in prowl.config.yml; otherwise remove it from the key policy.',
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  tags: ['TA0010:T1537'],
  policy: (key, context) => documentExternalAccounts(key.Policy, key.AccountId, context).length === 0,
  title: (key, context) =>
    `KMS key ${key.Id ?? key.ResourceId} can be used by account(s) ${documentExternalAccounts(key.Policy, key.AccountId, context).join(', ')}`,
  tests: [
    { name: 'a key used by its own account complies', expect: true, resource: kmsKey() },
    {
      name: 'a key shared with an unknown account fails',
      expect: false,
      resource: kmsKey({
        Policy: policyDocument([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'kms:Decrypt', Resource: '*' }]),
      }),
    },
  ],
});
