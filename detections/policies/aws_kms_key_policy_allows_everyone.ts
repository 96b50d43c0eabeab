import { definePolicy } from '../../src/detect/policy';
import { kmsKey, policyDocument } from '../../src/scan/test-resources';
import { allowsEveryoneUnconditionally, policyStatements } from '../lib/documents';

export default definePolicy({
  id: 'AWS.KMS.Key.PolicyAllowsEveryone',
  resourceTypes: ['AWS.KMS.Key'],
  severity: 'CRITICAL',
  description:
    'The key policy allows every AWS principal ("Principal": "*") with no condition. Anyone with an AWS account may use the key as far as the statement allows: decrypt data, or change the key.',
  runbook:
    'Replace the wildcard with the account root (`arn:aws:iam::<account>:root`, which delegates to IAM) or named roles, or add conditions such as kms:CallerAccount or aws:PrincipalOrgID.',
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html',
  tags: ['TA0006:T1552.004'],
  policy: (key) => !policyStatements(key.Policy).some(allowsEveryoneUnconditionally),
  title: (key) => `KMS key ${key.Id ?? key.ResourceId} allows every AWS principal in its key policy`,
  tests: [
    { name: 'a key policy for the account complies', expect: true, resource: kmsKey() },
    {
      name: 'a key policy allowing "*" fails',
      expect: false,
      resource: kmsKey({ Policy: policyDocument([{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }]) }),
    },
    {
      name: '"*" limited by kms:CallerAccount complies',
      expect: true,
      resource: kmsKey({
        Policy: policyDocument([
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { StringEquals: { 'kms:CallerAccount': '123456789012' } },
          },
        ]),
      }),
    },
  ],
});
