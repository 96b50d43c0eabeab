import { definePolicy } from '../../src/detect/policy';
import type { S3Bucket } from '../../src/scan/resources/s3-bucket';
import { s3Bucket } from '../../src/scan/test-resources';

const KMS_ALGORITHMS = new Set(['aws:kms', 'aws:kms:dsse']);

/** Default encryption algorithms, read as a Panther policy reads EncryptionRules[].ApplyServerSideEncryptionByDefault. */
function algorithms(bucket: S3Bucket): string[] {
  return (bucket.EncryptionRules ?? []).flatMap((rule) => rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? []);
}

export default definePolicy({
  id: 'AWS.S3.Bucket.KMSEncryptionDisabled',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'LOW',
  description:
    'The bucket encrypts by default with S3-managed keys (SSE-S3) rather than KMS. With SSE-S3 anyone allowed s3:GetObject can read the data; with SSE-KMS reading also needs kms:Decrypt on the key, and every decryption is logged in CloudTrail.',
  runbook:
    "Switch default encryption to SSE-KMS with a customer-managed key whose key policy grants decrypt only to the readers of this data, and turn on S3 Bucket Keys to keep KMS costs down. If the bucket holds only public or low-value data, add it to this policy's ignoreResources instead.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  tags: ['TA0009:T1530'],
  policy: (bucket) => algorithms(bucket).some((algorithm) => KMS_ALGORITHMS.has(algorithm)),
  title: (bucket) => `S3 bucket ${bucket.Name} is not encrypted with KMS by default`,
  alertContext: (bucket) => ({
    bucket: bucket.Name,
    algorithms: algorithms(bucket),
    keys: (bucket.EncryptionRules ?? []).map((rule) => rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID ?? null),
  }),
  tests: [
    { name: 'a bucket with SSE-KMS default encryption complies', expect: true, resource: s3Bucket() },
    {
      name: 'a bucket with dual-layer KMS encryption complies',
      expect: true,
      resource: s3Bucket({
        EncryptionRules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse', KMSMasterKeyID: null }, BucketKeyEnabled: null }],
      }),
    },
    {
      name: 'a bucket with SSE-S3 default encryption fails',
      expect: false,
      resource: s3Bucket({
        EncryptionRules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: null }, BucketKeyEnabled: null }],
      }),
    },
    { name: 'a bucket without encryption fails', expect: false, resource: s3Bucket({ EncryptionRules: null }) },
  ],
});
