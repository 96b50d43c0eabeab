import { definePolicy } from '../../src/detect/policy';
import { policyDocument, s3Bucket } from '../../src/scan/test-resources';
import { dig, text } from '../lib/fields';
import { statements } from '../lib/bucket_policy';

export default definePolicy({
  id: 'AWS.S3.Bucket.PolicyAllowsWithNotPrincipal',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'HIGH',
  description:
    'The bucket policy allows access to everyone except a list of principals ("Effect": "Allow" with "NotPrincipal"), which in practice means every AWS account in the world.',
  runbook: 'Rewrite the statement to Allow the principals that need access. NotPrincipal belongs only in Deny statements, with care.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
  tags: ['TA0009:T1530'],
  policy: (bucket) =>
    !statements(bucket.Policy).some((statement) => text(dig(statement, 'Effect')) === 'Allow' && dig(statement, 'NotPrincipal') !== undefined),
  title: (bucket) => `S3 bucket ${bucket.Name ?? bucket.ResourceId} allows access with NotPrincipal`,
  tests: [
    { name: 'a policy without NotPrincipal complies', expect: true, resource: s3Bucket() },
    {
      name: 'an Allow with NotPrincipal fails',
      expect: false,
      resource: s3Bucket({
        Policy: policyDocument([
          { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/admin' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*' },
        ]),
      }),
    },
  ],
});
