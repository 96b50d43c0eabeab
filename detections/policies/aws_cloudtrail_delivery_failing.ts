import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.DeliveryFailing',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'The trail is on but its last delivery to S3 failed, usually because the bucket policy or KMS key policy no longer lets CloudTrail write. Logs are not arriving where Prowl and investigators look for them.',
  runbook:
    'Read the error in the alert (CloudTrail → Trails → the trail shows it too). AccessDenied: restore the CloudTrail statement in the bucket policy; KMS errors: restore the key policy grant to cloudtrail.amazonaws.com; NoSuchBucket: the bucket was deleted — recreate it or point the trail elsewhere.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
  tags: ['TA0005:T1562.008'],
  policy: (trail) => trail.Status?.IsLogging !== true || !trail.Status.LatestDeliveryError,
  title: (trail) => `CloudTrail trail ${trail.Name} in account ${trail.AccountId} cannot deliver logs: ${trail.Status?.LatestDeliveryError ?? 'unknown error'}`,
  alertContext: (trail) => ({
    bucket: trail.S3BucketName,
    error: trail.Status?.LatestDeliveryError ?? null,
    lastDelivery: trail.Status?.LatestDeliveryTime ?? null,
  }),
  tests: [
    { name: 'a trail delivering without errors complies', expect: true, resource: cloudTrailTrail() },
    {
      name: 'a trail whose last delivery was denied fails',
      expect: false,
      resource: cloudTrailTrail({ Status: { IsLogging: true, LatestDeliveryTime: null, LatestDeliveryError: 'AccessDenied' } }),
    },
    {
      name: 'a stopped trail is left to the logging-stopped policy',
      expect: true,
      resource: cloudTrailTrail({ Status: { IsLogging: false, LatestDeliveryTime: null, LatestDeliveryError: 'AccessDenied' } }),
    },
  ],
});
