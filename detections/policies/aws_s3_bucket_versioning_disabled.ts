import { definePolicy } from '../../src/detect/policy';
import { s3Bucket } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.S3.Bucket.VersioningDisabled',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'LOW',
  description:
    'Versioning is off or suspended on the bucket, so an overwritten or deleted object is gone for good: an attacker (or a bad deploy) can destroy or ransom the data with ordinary S3 calls.',
  runbook:
    'Enable versioning (S3 → bucket → Properties → Bucket versioning) and add a lifecycle rule that expires noncurrent versions after a retention period, so storage does not grow without bound. For backups and audit logs, also consider Object Lock.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  tags: ['TA0040:T1485'],
  policy: (bucket) => bucket.Versioning === 'Enabled',
  title: (bucket) => `S3 bucket ${bucket.Name} has versioning ${bucket.Versioning === 'Suspended' ? 'suspended' : 'off'}`,
  tests: [
    { name: 'a versioned bucket complies', expect: true, resource: s3Bucket() },
    { name: 'a bucket that never had versioning fails', expect: false, resource: s3Bucket({ Versioning: null, MFADelete: null }) },
    { name: 'a bucket with versioning suspended fails', expect: false, resource: s3Bucket({ Versioning: 'Suspended' }) },
  ],
});
