import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const WRITES = new Set(['CopyObject', 'PutObject']);

/** SSE-C: the object is encrypted with a key the caller sends and AWS does not keep; without it, nobody can read the object again. */
function usesCustomerKey(event: CloudTrailEvent): boolean {
  return requestText(event, 'x-amz-server-side-encryption-customer-algorithm') !== undefined;
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

function objectOf(event: CloudTrailEvent): string[] {
  const key = requestText(event, 'key');
  return key === undefined ? [] : [key];
}

function encrypt(key: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    eventCategory: 'Data',
    managementEvent: false,
    readOnly: false,
    userIdentity: iamUserIdentity('christophe'),
    requestParameters: {
      bucketName: 'finance-archive',
      Host: 'finance-archive.s3.us-east-1.amazonaws.com',
      key,
      'x-amz-copy-source': `finance-archive/${key}`,
      'x-amz-server-side-encryption-customer-algorithm': 'AES256',
      'x-id': 'CopyObject',
    },
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.S3ObjectsEncryptedWithCustomerKey',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'One principal rewrote 10 or more different objects of a bucket within an hour with a customer-provided encryption key (SSE-C), typically copying each object onto itself. AWS does not keep that key: whoever holds it holds the data. It is how S3 ransomware encrypts a bucket in place. Needs CloudTrail S3 data events.',
  runbook:
    'Stop the principal now (deactivate the key, revoke sessions). Check whether the bucket has versioning: previous versions are still readable and can be restored. List the objects rewritten (alert events and distinct values) and look for a ransom note uploaded by the same principal. Block SSE-C on buckets that do not need it with a bucket policy denying s3:PutObject when s3:x-amz-server-side-encryption-customer-algorithm is present.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html',
  tags: ['TA0040:T1486'],
  threshold: 10,
  rule: (event) =>
    event.eventSource === 's3.amazonaws.com' && WRITES.has(event.eventName ?? '') && usesCustomerKey(event) && succeeded(event) && !isAwsServiceCall(event),
  distinctValues: objectOf,
  title: (event) => `${actorOf(event)} is re-encrypting objects in bucket ${bucketOf(event)} with their own key (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), bucket: bucketOf(event), key: objectOf(event)[0] }),
  tests: [
    { name: 'copying an object onto itself with SSE-C counts', expect: true, event: encrypt('invoices/2026-11.pdf') },
    {
      name: 'uploading with SSE-C counts',
      expect: true,
      event: encrypt('ransom-note.txt', {
        eventName: 'PutObject',
        requestParameters: { bucketName: 'finance-archive', key: 'backups/db.sql', 'x-amz-server-side-encryption-customer-algorithm': 'AES256' },
      }),
    },
    {
      name: 'a copy with S3-managed encryption does not count',
      expect: false,
      event: encrypt('invoices/2026-11.pdf', {
        requestParameters: { bucketName: 'finance-archive', key: 'invoices/2026-11.pdf', 'x-amz-server-side-encryption': 'AES256' },
      }),
    },
    { name: 'a failed SSE-C copy does not count', expect: false, event: encrypt('invoices/2026-11.pdf', { errorCode: 'AccessDenied' }) },
  ],
});
