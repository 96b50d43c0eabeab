import { definePolicy } from '../../src/detect/policy';
import { policyDocument, s3Bucket } from '../../src/scan/test-resources';
import { deniesInsecureTransport, statements } from '../lib/bucket_policy';

export default definePolicy({
  id: 'AWS.S3.Bucket.InsecureTransportAllowed',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'LOW',
  description:
    'The bucket policy does not deny requests made over plain HTTP (a Deny on all S3 actions when aws:SecureTransport is false), so a misconfigured client can move the data over the network unencrypted.',
  runbook:
    'Add a statement to the bucket policy: Effect Deny, Principal "*", Action "s3:*", Resource the bucket and its objects, Condition {"Bool": {"aws:SecureTransport": "false"}}. Test that the bucket\'s clients all use HTTPS first (S3 access logs show the scheme).',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
  tags: ['TA0009:T1557'],
  policy: (bucket) => statements(bucket.Policy).some(deniesInsecureTransport),
  title: (bucket) => `S3 bucket ${bucket.Name} allows requests without TLS`,
  tests: [
    { name: 'a bucket policy denying insecure transport complies', expect: true, resource: s3Bucket() },
    {
      name: 'a deny written with a boolean and a lone statement object complies',
      expect: true,
      resource: s3Bucket({
        Policy: JSON.stringify({
          Statement: { Effect: 'Deny', Principal: { AWS: '*' }, Action: ['s3:*'], Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } },
        }),
      }),
    },
    { name: 'a bucket without a policy fails', expect: false, resource: s3Bucket({ Policy: null, PolicyIsPublic: null }) },
    {
      name: 'a policy that only allows a role fails',
      expect: false,
      resource: s3Bucket({
        Policy: policyDocument([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/App' }, Action: 's3:GetObject', Resource: '*' }]),
      }),
    },
  ],
});
