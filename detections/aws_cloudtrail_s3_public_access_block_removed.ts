import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isExplicitFalse } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

function isAccountLevel(event: CloudTrailEvent): boolean {
  return (event.eventName ?? '').includes('AccountPublicAccessBlock');
}

/** Which protections the call switched off; a delete switches off all four. */
function turnedOff(event: CloudTrailEvent): string[] {
  const name = event.eventName ?? '';
  if (name === 'DeleteBucketPublicAccessBlock' || name === 'DeleteAccountPublicAccessBlock') return [...SETTINGS];
  if (name === 'PutBucketPublicAccessBlock' || name === 'PutAccountPublicAccessBlock') {
    return SETTINGS.filter((setting) => isExplicitFalse(requestParam(event, 'PublicAccessBlockConfiguration', setting)));
  }
  return [];
}

function scopeOf(event: CloudTrailEvent): string {
  return isAccountLevel(event) ? `the whole account ${accountOf(event)}` : `bucket ${requestText(event, 'bucketName') ?? 'unknown'} in ${accountOf(event)}`;
}

export default defineRule({
  id: 'AWS.CloudTrail.S3PublicAccessBlockRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'S3 Block Public Access was removed or loosened for a bucket or for the whole account. On its own it exposes nothing, but it is what stands between a mistaken (or malicious) policy or ACL and a public bucket.',
  runbook:
    "Ask the actor why; few buckets need public access, and account-level settings should stay on. Restore the settings (alert context lists which were switched off), then check the bucket's policy and ACL for public grants made since.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  tags: ['TA0005:T1562', 'TA0010:T1567'],
  rule: (event) =>
    (event.eventSource === 's3.amazonaws.com' || event.eventSource === 's3control.amazonaws.com') && succeeded(event) && turnedOff(event).length > 0,
  title: (event) => `${actorOf(event)} turned off S3 Block Public Access (${turnedOff(event).join(', ')}) for ${scopeOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${isAccountLevel(event) ? 'account' : (requestText(event, 'bucketName') ?? 'unknown bucket')}`,
  dynamicSeverity: (event) => (isAccountLevel(event) ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), turnedOff: turnedOff(event) }),
  tests: [
    {
      name: "deleting a bucket's block matches",
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucketPublicAccessBlock',
        requestParameters: { bucketName: 'acme-prod-web-data', publicAccessBlock: [''], Host: 'acme-prod-web-data.s3.amazonaws.com' },
      }),
    },
    {
      name: 'switching one setting off matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPublicAccessBlock',
        requestParameters: {
          bucketName: 'acme-prod-web-data',
          publicAccessBlock: [''],
          PublicAccessBlockConfiguration: {
            xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
            RestrictPublicBuckets: false,
            BlockPublicPolicy: true,
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
          },
        },
      }),
    },
    {
      name: 'removing the account-level block matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteAccountPublicAccessBlock',
        requestParameters: { 'x-amz-account-id': '123456789012' },
      }),
    },
    {
      name: 'turning every setting on does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutBucketPublicAccessBlock',
        requestParameters: {
          bucketName: 'acme-prod-web-data',
          PublicAccessBlockConfiguration: { RestrictPublicBuckets: true, BlockPublicPolicy: true, BlockPublicAcls: true, IgnorePublicAcls: true },
        },
      }),
    },
    {
      name: 'reading the block does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'GetBucketPublicAccessBlock',
        readOnly: true,
        requestParameters: { bucketName: 'acme-prod-web-data' },
      }),
    },
  ],
});
