import { definePolicy } from '../../src/detect/policy';
import { s3Bucket } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.S3.Bucket.EncryptionDisabled',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'MEDIUM',
  description:
    'The bucket has no default encryption rule, so objects uploaded without encryption headers are stored as the uploader sent them. S3 has applied SSE-S3 to new buckets since 2023; a bucket without a rule predates that or had it removed.',
  runbook:
    'Set default encryption on the bucket (S3 → bucket → Properties → Default encryption), preferably SSE-KMS with a customer-managed key and S3 Bucket Keys on. Existing objects keep their encryption until rewritten; copy them in place if they must be encrypted.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html',
  tags: ['TA0009:T1530'],
  policy: (bucket) => (bucket.EncryptionRules ?? []).some((rule) => Boolean(rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm)),
  title: (bucket) => `S3 bucket ${bucket.Name} has no default encryption`,
  alertContext: (bucket) => ({ bucket: bucket.Name, region: bucket.Region }),
  tests: [
    { name: 'a bucket with SSE-KMS default encryption complies', expect: true, resource: s3Bucket() },
    {
      name: 'a bucket with SSE-S3 default encryption complies',
      expect: true,
      resource: s3Bucket({
        EncryptionRules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: null }, BucketKeyEnabled: null }],
      }),
    },
    { name: 'a bucket without any encryption rule fails', expect: false, resource: s3Bucket({ EncryptionRules: null }) },
  ],
});
