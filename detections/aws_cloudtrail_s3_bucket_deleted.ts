import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';
import type { DetectionSettings } from '../src/config/detection-settings';
import { globMatcher } from './lib/matchers';

/** Buckets the organization named as sensitive (network-restricted or access-listed) make a deletion high severity. */
function isSensitiveBucket(bucket: string, settings: DetectionSettings): boolean {
  return globMatcher([...settings.networkRestrictedBuckets, ...settings.bucketAccess.map((entry) => entry.bucket)])(bucket);
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A bucket was deleted by someone other than the deployment pipeline. Deleting a bucket destroys its data and frees its name for anyone to claim (bucket takeover of whatever still points at it). Buckets named in detections.networkRestrictedBuckets or bucketAccess are high severity.',
  runbook:
    'Ask the actor whether the deletion was planned. If not, check for backups or replicas, re-create the bucket name at once so nobody else can claim it, and look for references to it (DNS, CloudFront origins, application config). Quiet routine deletions by listing pipeline roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html',
  tags: ['TA0040:T1485'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 's3.amazonaws.com' &&
    event.eventName === 'DeleteBucket' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} deleted bucket ${bucketOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  dynamicSeverity: (event, { settings }) => (isSensitiveBucket(bucketOf(event), settings) ? 'HIGH' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'deleting a sensitive bucket by hand matches',
      expect: true,
      settings: { networkRestrictedBuckets: ['acme-prod-*', 'acme-audit-logs'] },
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucket',
        requestParameters: { bucketName: 'acme-audit-logs', Host: 's3.amazonaws.com' },
      }),
    },
    {
      name: 'deleting a scratch bucket by hand matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucket',
        requestParameters: { bucketName: 'alice-scratch', Host: 's3.amazonaws.com' },
      }),
    },
    {
      name: 'the pipeline deleting a bucket does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucket',
        userIdentity: assumedRoleIdentity('cdk-hnb659fds-cfn-exec-role', 'AWSCloudFormation'),
        requestParameters: { bucketName: 'orders-preview-412' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucket',
        errorCode: 'AccessDenied',
        requestParameters: { bucketName: 'acme-audit-logs' },
      }),
    },
  ],
});
