import type { S3ServerAccessEvent } from '../../src/logs/s3-server-access';
import { roleArnOfSession } from './fields';

/** Who made the request, by role for role sessions; `anonymous` for unsigned requests. */
export function requesterOf(event: S3ServerAccessEvent): string {
  return event.requester ? roleArnOfSession(event.requester) : 'anonymous';
}

/**
 * Requests S3 logs on behalf of AWS services (log delivery, replication, CloudTrail writing to its
 * bucket) name the service rather than a principal of yours.
 */
export function isAwsServiceRequest(event: S3ServerAccessEvent): boolean {
  const requester = event.requester ?? '';
  return requester.startsWith('svc:') || requester.endsWith('.amazonaws.com');
}

/**
 * Requests that came in through the REST API. S3's own background work (lifecycle expiry,
 * transitions, batch deletes) is logged as `S3.*` / `BATCH.*` operations with no caller to judge.
 */
export function isRestRequest(event: S3ServerAccessEvent): boolean {
  return (event.operation ?? '').startsWith('REST.');
}

export function isObjectOperation(event: S3ServerAccessEvent): boolean {
  return /^REST\.[A-Z]+\.OBJECT/.test(event.operation ?? '');
}

/** Served (2xx/3xx); a request with no status recorded is not assumed to have succeeded. */
export function served(event: S3ServerAccessEvent): boolean {
  return typeof event.httpstatus === 'number' && event.httpstatus < 400;
}

/** `bucket/key` or just the bucket, for titles. */
export function objectOf(event: S3ServerAccessEvent): string {
  return event.key ? `${event.bucket ?? 'unknown bucket'}/${event.key}` : (event.bucket ?? 'unknown bucket');
}
