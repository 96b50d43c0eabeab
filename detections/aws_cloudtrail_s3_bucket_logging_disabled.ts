import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** PutBucketLogging with a status that has no LoggingEnabled element switches server access logging off. */
function disablesLogging(event: CloudTrailEvent): boolean {
  return (
    event.eventName === 'PutBucketLogging' &&
    requestParam(event, 'BucketLoggingStatus') !== undefined &&
    requestParam(event, 'BucketLoggingStatus', 'LoggingEnabled') === undefined
  );
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketLoggingDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "Server access logging was turned off for a bucket: reads and writes to it stop being recorded (Prowl's S3 access-log rules go blind for that bucket), the usual step before quietly copying data out.",
  runbook:
    'Turn logging back on to the usual target bucket and ask the actor why it was turned off. Check CloudTrail data events (if enabled) for reads of the bucket since the change.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 's3.amazonaws.com' && succeeded(event) && disablesLogging(event),
  title: (event) => `${actorOf(event)} turned off access logging for bucket ${bucketOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'an empty logging status matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketLogging',
        requestParameters: { bucketName: 'acme-prod-orders-data', logging: [''], BucketLoggingStatus: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } },
      }),
    },
    {
      name: 'enabling logging does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketLogging',
        requestParameters: {
          bucketName: 'acme-prod-orders-data',
          logging: [''],
          BucketLoggingStatus: {
            xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
            LoggingEnabled: { TargetBucket: 'acme-access-logs', TargetPrefix: 'orders/' },
          },
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketLogging',
        errorCode: 'AccessDenied',
        requestParameters: { bucketName: 'acme-prod-orders-data', BucketLoggingStatus: {} },
      }),
    },
  ],
});
