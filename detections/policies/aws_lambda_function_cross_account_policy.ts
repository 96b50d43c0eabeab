import { definePolicy } from '../../src/detect/policy';
import { lambdaFunction, policyDocument } from '../../src/scan/test-resources';
import { documentExternalAccounts } from '../lib/documents';

export default definePolicy({
  id: 'AWS.Lambda.Function.CrossAccountPolicy',
  resourceTypes: ['AWS.Lambda.Function'],
  severity: 'MEDIUM',
  description: "The function's resource policy lets another AWS account, outside those the organisation trusts, invoke or manage it.",
  runbook: 'Confirm the account should call the function and add it to scanPolicies.trustedAccounts in prowl.config.yml; otherwise remove the permission.',
  reference: 'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html',
  tags: ['TA0001:T1199'],
  policy: (fn, context) => documentExternalAccounts(fn.Policy?.Policy ?? null, fn.AccountId, context).length === 0,
  title: (fn, context) =>
    `Lambda function ${fn.Name ?? fn.ResourceId} may be called by account(s) ${documentExternalAccounts(fn.Policy?.Policy ?? null, fn.AccountId, context).join(', ')}`,
  tests: [
    { name: 'a function without cross-account grants complies', expect: true, resource: lambdaFunction() },
    {
      name: 'a function callable by another account fails',
      expect: false,
      resource: lambdaFunction({
        Policy: {
          Policy: policyDocument([
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::999988887777:root' },
              Action: 'lambda:InvokeFunction',
              Resource: 'arn:aws:lambda:us-east-1:123456789012:function:api',
            },
          ]),
          RevisionId: 'r2',
        },
      }),
    },
  ],
});
