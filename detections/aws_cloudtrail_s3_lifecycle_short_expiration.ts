import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, text } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Objects deleted after this many days or fewer leave too little time to notice, let alone investigate. */
const SHORT_DAYS = 7;
/** Bucket names that say they hold logs; a short expiry there destroys evidence. */
const LOG_BUCKET = /(cloudtrail|trail|audit|log)/i;

function days(value: unknown): number | undefined {
  const parsed = Number(text(value));
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/** The shortest expiry (current or noncurrent versions) among the enabled lifecycle rules, if any is short. */
function shortestExpiry(event: CloudTrailEvent): number | undefined {
  const rules = list(requestParam(event, 'LifecycleConfiguration', 'Rule'));
  const expiries = rules
    .filter((rule) => (text(dig(rule, 'Status')) ?? 'Enabled') === 'Enabled')
    .flatMap((rule) => [days(dig(rule, 'Expiration', 'Days')), days(dig(rule, 'NoncurrentVersionExpiration', 'NoncurrentDays'))])
    .filter((value): value is number => value !== undefined && value <= SHORT_DAYS);
  return expiries.length > 0 ? Math.min(...expiries) : undefined;
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

function lifecycle(bucketName: string, rule: unknown): Parameters<typeof cloudTrailWrite>[0] {
  return {
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketLifecycle',
    requestParameters: {
      bucketName,
      Host: `${bucketName}.s3.us-east-1.amazonaws.com`,
      lifecycle: '',
      LifecycleConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', Rule: rule },
    },
  };
}

export default defineRule({
  id: 'AWS.CloudTrail.S3LifecycleShortExpiration',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description: `A bucket lifecycle rule now deletes objects (or their old versions) within ${SHORT_DAYS} days. On a bucket that receives CloudTrail or other logs this quietly destroys the record after a day; it is a known step to impair logging without touching the trail. High severity when the bucket name says it holds logs.`,
  runbook:
    "Check what the bucket holds (is it a trail's destination? `aws cloudtrail describe-trails`). If it holds logs, restore the previous lifecycle configuration from IaC, confirm object lock or replication protect the logs, and ask the actor why. Review the actor's other calls for further tampering with logging.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html',
  tags: ['TA0005:T1562.008', 'TA0040:T1485'],
  rule: (event) =>
    event.eventSource === 's3.amazonaws.com' &&
    event.eventName === 'PutBucketLifecycle' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    shortestExpiry(event) !== undefined,
  title: (event) => `${actorOf(event)} set objects in bucket ${bucketOf(event)} to expire after ${shortestExpiry(event) ?? '?'} day(s) (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  dynamicSeverity: (event) => (LOG_BUCKET.test(bucketOf(event)) ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), bucket: bucketOf(event), shortestExpiryDays: shortestExpiry(event) }),
  tests: [
    {
      name: 'a one-day expiry on the trail bucket matches',
      expect: true,
      event: cloudTrailWrite(
        lifecycle('stratus-red-team-trail-bucket', {
          ID: 'nuke-cloudtrail-logs-after-1-day',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          Expiration: { Days: 1 },
        }),
      ),
    },
    {
      name: 'a short expiry of old versions among several rules matches',
      expect: true,
      event: cloudTrailWrite(
        lifecycle('app-data', [
          { ID: 'archive', Status: 'Enabled', Transition: { Days: 30, StorageClass: 'GLACIER' } },
          { ID: 'cleanup', Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: '1' } },
        ]),
      ),
    },
    {
      name: 'a 90-day expiry does not match',
      expect: false,
      event: cloudTrailWrite(lifecycle('org-cloudtrail-logs', { ID: 'retention', Status: 'Enabled', Expiration: { Days: 90 } })),
    },
    {
      name: 'a disabled short rule does not match',
      expect: false,
      event: cloudTrailWrite(lifecycle('org-cloudtrail-logs', { ID: 'old', Status: 'Disabled', Expiration: { Days: 1 } })),
    },
    {
      name: 'a failed change does not match',
      expect: false,
      event: cloudTrailWrite({ ...lifecycle('org-cloudtrail-logs', { ID: 'x', Status: 'Enabled', Expiration: { Days: 1 } }), errorCode: 'AccessDenied' }),
    },
  ],
});
