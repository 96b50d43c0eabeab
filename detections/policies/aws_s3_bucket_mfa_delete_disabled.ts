import { definePolicy } from '../../src/detect/policy';
import { s3Bucket } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.S3.Bucket.MFADeleteDisabled',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'LOW',
  description:
    'MFA delete is off for the versioned bucket, so anyone with the right permissions (or stolen credentials) can permanently delete object versions or suspend versioning without a second factor (CIS 2.1.3).',
  runbook:
    'Only the root user can enable it, with the CLI: `aws s3api put-bucket-versioning --bucket <name> --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "<serial> <code>"`. For buckets where that is impractical, use S3 Object Lock instead.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
  tags: ['TA0040:T1485'],
  policy: (bucket) => bucket.Versioning !== 'Enabled' || bucket.MFADelete === 'Enabled',
  title: (bucket) => `S3 bucket ${bucket.Name ?? bucket.ResourceId} is versioned without MFA delete`,
  tests: [
    { name: 'a versioned bucket with MFA delete complies', expect: true, resource: s3Bucket() },
    { name: 'a versioned bucket without MFA delete fails', expect: false, resource: s3Bucket({ MFADelete: 'Disabled' }) },
    { name: 'an unversioned bucket is left to the versioning policy', expect: true, resource: s3Bucket({ Versioning: null, MFADelete: null }) },
  ],
});
