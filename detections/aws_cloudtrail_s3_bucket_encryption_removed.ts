import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, principalAccount, text } from './lib/fields';
import { accountOf, actorOf, callContext, isOrganizationAccount, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** A default encryption rule whose KMS key belongs to an account outside the organization. */
function foreignKey(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  if (event.eventName !== 'PutBucketEncryption') return undefined;
  // S3 turns one XML element into an object and several into a list.
  const keys = list(requestParam(event, 'ServerSideEncryptionConfiguration', 'Rule')).flatMap((rule) => {
    const key = text(dig(rule, 'ApplyServerSideEncryptionByDefault', 'KMSMasterKeyID'));
    return key === undefined ? [] : [key];
  });
  return keys.find((key) => {
    const account = principalAccount(key);
    return account !== undefined && !isOrganizationAccount(account, event, settings);
  });
}

function change(event: CloudTrailEvent, settings: DetectionSettings): string | undefined {
  if (event.eventName === 'DeleteBucketEncryption') return 'deleted the default encryption of';
  const key = foreignKey(event, settings);
  return key ? `set a KMS key of another account (${key}) as default encryption of` : undefined;
}

function bucketOf(event: CloudTrailEvent): string {
  return requestText(event, 'bucketName') ?? 'unknown bucket';
}

export default defineRule({
  id: 'AWS.CloudTrail.S3BucketEncryptionRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A bucket's default encryption configuration was deleted, or switched to a KMS key owned by an account outside the organization: new objects fall back to S3-managed keys, or are encrypted under a key the attacker controls and can revoke (S3 ransomware).",
  runbook:
    "Restore the bucket's encryption configuration with your own key and ask the actor why it changed. For a foreign key, treat it as ransomware in progress: block the actor, and check which objects were written under that key since the change.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
  tags: ['TA0040:T1486', 'TA0005:T1562.001'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 's3.amazonaws.com' && succeeded(event) && change(event, settings) !== undefined,
  title: (event, { settings }) => `${actorOf(event)} ${change(event, settings) ?? 'changed the encryption of'} bucket ${bucketOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${bucketOf(event)}`,
  dynamicSeverity: (event, { settings }) => (foreignKey(event, settings) ? 'CRITICAL' : 'MEDIUM'),
  alertContext: callContext,
  tests: [
    {
      name: 'deleting default encryption matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucketEncryption',
        requestParameters: { bucketName: 'acme-prod-orders-data', Host: 'acme-prod-orders-data.s3.amazonaws.com', encryption: [''] },
      }),
    },
    {
      name: 'a default key from another account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketEncryption',
        requestParameters: {
          bucketName: 'acme-prod-orders-data',
          ServerSideEncryptionConfiguration: {
            Rule: {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab',
              },
            },
          },
        },
      }),
    },
    {
      name: 'a foreign key in the second of two rules matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketEncryption',
        requestParameters: {
          bucketName: 'acme-prod-orders-data',
          ServerSideEncryptionConfiguration: {
            Rule: [
              { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
              {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: 'arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab',
                },
              },
            ],
          },
        },
      }),
    },
    {
      name: 'a default key of this account does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketEncryption',
        requestParameters: {
          bucketName: 'acme-prod-orders-data',
          ServerSideEncryptionConfiguration: {
            Rule: {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
              },
            },
          },
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucketEncryption',
        errorCode: 'AccessDenied',
        requestParameters: { bucketName: 'acme-prod-orders-data' },
      }),
    },
  ],
});
