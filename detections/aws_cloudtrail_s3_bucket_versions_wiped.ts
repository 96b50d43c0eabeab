import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** The two steps of wiping a versioned bucket in bulk: list every version, then delete them a thousand at a time. */
const STEPS = new Set(['ListObjectVersions', 'DeleteObjects']);

function stepOf(event: CloudTrailEvent): string[] {
  return event.eventSource === 's3.amazonaws.com' && STEPS.has(event.eventName ?? '') ? [event.eventName ?? ''] : [];
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

function s3Data(eventName: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName,
    eventCategory: 'Data',
    managementEvent: false,
    readOnly: eventName !== 'DeleteObjects',
    userIdentity: iamUserIdentity('christophe'),
    requestParameters: {
      bucketName: 'customer-exports',
      Host: 'customer-exports.s3.us-east-1.amazonaws.com',
      ...(eventName === 'DeleteObjects' ? { delete: '' } : { versions: '' }),
    },
    resources: [
      { type: 'AWS::S3::Object', ARNPrefix: 'arn:aws:s3:::customer-exports/' },
      { type: 'AWS::S3::Bucket', ARN: 'arn:aws:s3:::customer-exports', accountId: '123456789012' },
    ],
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketVersionsWiped',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'One principal listed every object version of a bucket and ran a batch delete (DeleteObjects) on it within the hour. DeleteObjects does not log which objects it removed (up to 1,000 per call), but listing versions first is how a versioned bucket is emptied for good: S3 ransomware. Needs CloudTrail S3 data events.',
  runbook:
    'Stop the principal (deactivate the key, revoke sessions) and check the bucket: `aws s3api list-object-versions` shows what is left. Restore from replication or AWS Backup. Look for a new object uploaded by the same principal (the ransom note). If a cleanup job does this on purpose, suppress the rule for its role and bucket.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html',
  tags: ['TA0040:T1485'],
  threshold: 2,
  rule: (event) => stepOf(event).length > 0 && succeeded(event) && !isAwsServiceCall(event),
  distinctValues: stepOf,
  title: (event) => `${actorOf(event)} listed all versions and batch-deleted objects in bucket ${bucketOf(event)} (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), bucket: bucketOf(event) }),
  tests: [
    { name: 'a batch delete is one of the steps', expect: true, event: s3Data('DeleteObjects') },
    { name: 'listing versions is the other', expect: true, event: s3Data('ListObjectVersions') },
    { name: 'listing current objects is not a step', expect: false, event: s3Data('ListObjects') },
    { name: 'a failed batch delete is not a step', expect: false, event: s3Data('DeleteObjects', { errorCode: 'AccessDenied' }) },
  ],
});
