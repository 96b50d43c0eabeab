import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { principalAccount } from './lib/fields';
import { accountOf, actorOf, callContext, isOrganizationAccount, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const WRITES = new Set(['PutObject', 'CopyObject', 'CreateMultipartUpload']);

/** The KMS key the object was written under, when it belongs to an account outside the organization. */
function foreignKey(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  const key = requestText(event, 'x-amz-server-side-encryption-aws-kms-key-id') ?? '';
  const account = principalAccount(key);
  return account !== undefined && !isOrganizationAccount(account, event, settings) ? key : undefined;
}

function write(fields: Record<string, unknown>): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'CopyObject',
    readOnly: false,
    managementEvent: false,
    eventCategory: 'Data',
    requestParameters: {
      bucketName: 'acme-prod-orders-data',
      key: 'exports/2026/11/orders.parquet',
      'x-amz-copy-source': 'acme-prod-orders-data/exports/2026/11/orders.parquet',
      ...fields,
    },
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.S3ObjectEncryptedWithForeignKey',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Objects were written (put or copied in place) under a KMS key owned by an account outside the organization. Re-encrypting data under a key the attacker controls, then revoking your use of it, is S3 ransomware without deleting anything. Needs S3 data events in the trail.',
  runbook:
    'Block the writer at once (revoke its sessions or keys). List the objects written under the foreign key (data events by this principal) and restore earlier versions; check whether versioning is still on. Find how the writer got write access and a foreign key grant.',
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html',
  tags: ['TA0040:T1486'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 's3.amazonaws.com' && WRITES.has(event.eventName ?? '') && succeeded(event) && foreignKey(event, settings) !== undefined,
  title: (event, { settings }) =>
    `${actorOf(event)} wrote objects to bucket ${requestText(event, 'bucketName') ?? 'unknown'} under outside KMS key ${foreignKey(event, settings) ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${requestText(event, 'bucketName') ?? 'unknown bucket'}`,
  alertContext: (event, { settings }) => ({ ...callContext(event), kmsKey: foreignKey(event, settings) }),
  tests: [
    {
      name: 'an in-place copy under an outside key matches',
      expect: true,
      event: write({
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }),
    },
    {
      name: "a copy under this account's key does not match",
      expect: false,
      event: write({
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }),
    },
    {
      name: 'a key given by id alone (same account) does not match',
      expect: false,
      event: write({ 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': '1234abcd-12ab-34cd-56ef-1234567890ab' }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutObject',
        errorCode: 'AccessDenied',
        requestParameters: {
          bucketName: 'acme-prod-orders-data',
          key: 'a',
          'x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      }),
    },
  ],
});
