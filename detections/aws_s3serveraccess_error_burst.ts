import { defineRule } from '../src/detect/rule';
import { s3AccessEvent } from '../src/detect/test-events';
import type { S3ServerAccessEvent } from '../src/logs/s3-server-access';
import { isObjectOperation, requesterOf } from './lib/s3_access_fields';

/** Bad request, forbidden, method not allowed: what probing for readable or writable keys produces. */
const PROBE_STATUSES = new Set([400, 403, 405]);

/** Signed requests are grouped by principal, anonymous ones by address. */
function sourceOf(event: S3ServerAccessEvent): string {
  return event.requester ? requesterOf(event) : (event.remoteip ?? 'unknown address');
}

export default defineRule({
  id: 'AWS.S3ServerAccess.ErrorBurst',
  logTypes: ['AWS.S3ServerAccess'],
  severity: 'MEDIUM',
  description:
    'One source got 25 or more 400/403/405 responses on object operations of a bucket within an hour: probing for keys it can read or write, or a credential trying its luck.',
  runbook:
    'Look at the keys and operations that failed (alert events) and the source. A misconfigured application after a deploy shows one key pattern and one role: fix its permissions. Many different keys from an outside address or an unexpected principal is probing: block the address, and check whether any request from the same source succeeded.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html',
  tags: ['TA0007:T1619', 'TA0009:T1530'],
  threshold: 25,
  rule: (event) => isObjectOperation(event) && PROBE_STATUSES.has(event.httpstatus ?? 0),
  title: (event) =>
    `Burst of rejected object requests to bucket ${event.bucket ?? 'unknown'} from ${sourceOf(event)} (latest: ${event.operation} → ${event.httpstatus})`,
  dedup: (event) => `${event.bucket ?? 'unknown bucket'}:${sourceOf(event)}`,
  alertContext: (event) => ({
    requester: event.requester,
    remoteip: event.remoteip,
    operation: event.operation,
    key: event.key,
    httpstatus: event.httpstatus,
    errorcode: event.errorcode,
  }),
  tests: [
    {
      name: 'a forbidden GET counts',
      expect: true,
      event: s3AccessEvent({ requester: null, remoteip: '192.0.2.99', httpstatus: 403, errorcode: 'AccessDenied', key: 'backup.sql' }),
    },
    {
      name: 'a method-not-allowed PUT counts',
      expect: true,
      event: s3AccessEvent({ operation: 'REST.PUT.OBJECT', httpstatus: 405, errorcode: 'MethodNotAllowed' }),
    },
    { name: 'a missing key (404) does not count', expect: false, event: s3AccessEvent({ httpstatus: 404, errorcode: 'NoSuchKey' }) },
    {
      name: 'a forbidden bucket listing is not an object operation',
      expect: false,
      event: s3AccessEvent({ operation: 'REST.GET.BUCKET', key: null, httpstatus: 403, errorcode: 'AccessDenied' }),
    },
    { name: 'a successful read does not count', expect: false, event: s3AccessEvent() },
  ],
});
