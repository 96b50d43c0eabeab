import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/**
 * File names ransomware crews leave behind. Kept specific (a plain README is not a ransom note):
 * the name has to talk about decrypting, recovering or ransom.
 */
const RANSOM_NOTE =
  /(^|\/)[^/]*(ransom|how[-_ ]?to[-_ ]?(decrypt|recover|restore|get[-_ ]?back)|decrypt[-_ ]?(instructions|files|my|your)|recover[-_ ]?(your|my)[-_ ]?(files|data)|your[-_ ]?files[-_ ]?(are|were)[-_ ]?encrypted|!+read[-_ ]?me!*)[^/]*\.(txt|html?|md)$/i;

function keyOf(event: CloudTrailEvent): string {
  return requestText(event, 'key') ?? '';
}

export default defineRule({
  id: 'AWS.CloudTrail.S3RansomNoteUploaded',
  logTypes: ['AWS.CloudTrail'],
  severity: 'CRITICAL',
  description:
    'An object whose name reads like a ransom note (HOW_TO_DECRYPT.txt, RECOVER_YOUR_FILES.html…) was written to a bucket. It is usually the last step of S3 ransomware, after data was copied out and deleted or re-encrypted. Needs S3 data events in the trail.',
  runbook:
    "Read the note, then block the writer (revoke its sessions or keys) before anything else. Check the bucket's versions and deletions (S3 data events), restore from versions or backups, and find how the writer got its credentials. Engage incident response; do not contact the attacker without legal advice.",
  reference: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html#cloudtrail-object-level-tracking',
  tags: ['TA0040:T1486', 'TA0040:T1485'],
  rule: (event) => event.eventSource === 's3.amazonaws.com' && event.eventName === 'PutObject' && succeeded(event) && RANSOM_NOTE.test(keyOf(event)),
  title: (event) => `${actorOf(event)} wrote a ransom note ${keyOf(event)} to bucket ${requestText(event, 'bucketName') ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a HOW_TO_DECRYPT note matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutObject',
        readOnly: false,
        managementEvent: false,
        eventCategory: 'Data',
        requestParameters: { bucketName: 'acme-prod-orders-data', key: 'HOW_TO_DECRYPT_FILES.txt', Host: 'acme-prod-orders-data.s3.amazonaws.com' },
      }),
    },
    {
      name: 'a note in a prefix matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutObject',
        readOnly: false,
        requestParameters: { bucketName: 'acme-backups', key: 'db/RECOVER-YOUR-FILES.html' },
      }),
    },
    {
      name: 'a plain README does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 's3.amazonaws.com',
        eventName: 'PutObject',
        readOnly: false,
        requestParameters: { bucketName: 'acme-docs', key: 'projects/README.md' },
      }),
    },
    {
      name: 'reading a note does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 's3.amazonaws.com',
        eventName: 'GetObject',
        requestParameters: { bucketName: 'acme-prod-orders-data', key: 'HOW_TO_DECRYPT_FILES.txt' },
      }),
    },
  ],
});
