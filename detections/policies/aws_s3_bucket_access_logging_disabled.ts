import { definePolicy } from '../../src/detect/policy';
import { s3Bucket } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.S3.Bucket.AccessLoggingDisabled',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'LOW',
  description:
    'Server access logging is off, so there is no record of who read or wrote which objects (CloudTrail records object-level calls only when data events are on). After a leak, nobody can say what was taken.',
  runbook:
    "Enable server access logging (S3 → bucket → Properties → Server access logging) to the central access-log bucket, which Prowl can ingest as AWS.S3ServerAccess. The access-log bucket itself cannot usefully log to itself: add it to this policy's ignoreResources.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  tags: ['TA0005:T1562.008'],
  policy: (bucket) => Boolean(bucket.LoggingPolicy?.TargetBucket),
  title: (bucket) => `S3 bucket ${bucket.Name} has access logging off`,
  tests: [
    { name: 'a bucket logging to the access-log bucket complies', expect: true, resource: s3Bucket() },
    { name: 'a bucket without access logging fails', expect: false, resource: s3Bucket({ LoggingPolicy: null }) },
  ],
});
