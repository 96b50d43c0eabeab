import { defineRule } from '../src/detect/rule';
import { s3AccessEvent } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { S3ServerAccessEvent } from '../src/logs/s3-server-access';
import { globMatcher } from './lib/matchers';
import { isAwsServiceRequest, isRestRequest, objectOf, requesterOf, served } from './lib/s3_access_fields';

type BucketAccess = DetectionSettings['bucketAccess'][number];

/** Each mapping's bucket glob, compiled once per settings object rather than per event. */
const bucketGlobs = new WeakMap<BucketAccess, string[]>();

function coversBucket(mapping: BucketAccess, bucket: string | undefined): boolean {
  let globs = bucketGlobs.get(mapping);
  if (!globs) bucketGlobs.set(mapping, (globs = [mapping.bucket]));
  return globMatcher(globs)(bucket);
}

/** A bucket listed in settings whose requester no covering mapping allows; buckets not listed are nobody's business here. */
function isDisallowed(event: S3ServerAccessEvent, settings: DetectionSettings): boolean {
  const covering = settings.bucketAccess.filter((mapping) => coversBucket(mapping, event.bucket ?? undefined));
  return covering.length > 0 && !covering.some((mapping) => globMatcher(mapping.principals)(requesterOf(event)));
}

const ACCESS = {
  bucketAccess: [
    { bucket: 'acme-prod-*-data', principals: ['arn:aws:iam::123456789012:role/DataPipeline', 'arn:aws:iam::123456789012:role/Analytics*'] },
    { bucket: 'acme-audit-logs', principals: ['arn:aws:iam::123456789012:role/AuditReader'] },
  ],
};

export default defineRule({
  id: 'AWS.S3ServerAccess.RequesterNotAllowed',
  logTypes: ['AWS.S3ServerAccess'],
  severity: 'HIGH',
  description:
    "A principal that is not on the bucket's allow-list (detections.bucketAccess: bucket glob → principal globs; quiet while that is empty) was served a request on a sensitive bucket. Requests by AWS services and S3's own background operations are not judged.",
  runbook:
    "Identify the requester (role or user ARN, or anonymous) and what it touched (alert events: operation and key). If it is a new legitimate consumer, add it to detections.bucketAccess in prowl.config.yml. Otherwise tighten the bucket policy to the allowed roles, revoke the requester's sessions, and review how much it read (bytessent) since its first request.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html',
  tags: ['TA0009:T1530', 'TA0010:T1567'],
  requiresSettings: ['bucketAccess'],
  rule: (event, { settings }) => isRestRequest(event) && served(event) && !isAwsServiceRequest(event) && isDisallowed(event, settings),
  title: (event) => `${requesterOf(event)} accessed ${objectOf(event)} (${event.operation}) without being allowed for bucket ${event.bucket ?? 'unknown'}`,
  dedup: (event) => `${event.bucket ?? 'unknown bucket'}:${requesterOf(event)}`,
  alertContext: (event) => ({
    requester: event.requester,
    remoteip: event.remoteip,
    operation: event.operation,
    key: event.key,
    httpstatus: event.httpstatus,
    bytessent: event.bytessent,
    useragent: event.useragent,
  }),
  tests: [
    {
      name: 'an engineer reading a pipeline bucket matches',
      expect: true,
      settings: ACCESS,
      event: s3AccessEvent({ requester: 'arn:aws:sts::123456789012:assumed-role/Engineer/alice', useragent: 'aws-cli/2.15.0' }),
    },
    {
      name: 'an anonymous read of the audit bucket matches',
      expect: true,
      settings: ACCESS,
      event: s3AccessEvent({
        bucket: 'acme-audit-logs',
        requester: null,
        authenticationtype: null,
        signatureversion: null,
        key: 'AWSLogs/123456789012/CloudTrail/x.json.gz',
      }),
    },
    { name: 'the pipeline role reading its bucket does not match', expect: false, settings: ACCESS, event: s3AccessEvent() },
    {
      name: 'an analytics role allowed by glob does not match',
      expect: false,
      settings: ACCESS,
      event: s3AccessEvent({ requester: 'arn:aws:sts::123456789012:assumed-role/AnalyticsNightly/job-42' }),
    },
    {
      name: 'a bucket without a mapping does not match',
      expect: false,
      settings: ACCESS,
      event: s3AccessEvent({ bucket: 'acme-dev-scratch', requester: 'arn:aws:sts::123456789012:assumed-role/Engineer/alice' }),
    },
    {
      name: 'a denied request does not match',
      expect: false,
      settings: ACCESS,
      event: s3AccessEvent({ requester: 'arn:aws:iam::123456789012:user/bob', httpstatus: 403, errorcode: 'AccessDenied' }),
    },
    {
      name: 'S3 lifecycle expiry does not match',
      expect: false,
      settings: ACCESS,
      event: s3AccessEvent({ operation: 'S3.EXPIRE.OBJECT', requester: null, remoteip: null }),
    },
  ],
});
