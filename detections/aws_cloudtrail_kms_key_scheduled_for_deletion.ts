import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.KmsKeyScheduledForDeletion',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'A KMS key was scheduled for deletion. When the waiting period ends the key, and every piece of data encrypted under it, is gone for good.',
  runbook:
    "You have until the deletion date (alert context) to act: if the deletion is not planned and approved, cancel it now (`aws kms cancel-key-deletion --key-id …`, then `enable-key`). Find what the key protects, revoke the actor's sessions and look for other destructive activity.",
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
  tags: ['TA0040:T1485'],
  rule: (event) => event.eventSource === 'kms.amazonaws.com' && event.eventName === 'ScheduleKeyDeletion' && succeeded(event),
  title: (event) => `${actorOf(event)} scheduled KMS key ${requestText(event, 'keyId') ?? 'unknown'} for deletion in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'keyId') ?? 'unknown key'}`,
  alertContext: (event) => ({
    ...callContext(event),
    deletionDate: text(dig(event.responseElements, 'deletionDate')),
    pendingWindowInDays: dig(event.requestParameters, 'pendingWindowInDays'),
  }),
  tests: [
    {
      name: 'scheduling deletion matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'ScheduleKeyDeletion',
        requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', pendingWindowInDays: 7 },
        responseElements: {
          keyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          deletionDate: 'Nov 29, 2026, 10:00:00 AM',
          keyState: 'PendingDeletion',
          pendingWindowInDays: 7,
        },
      }),
    },
    {
      name: 'cancelling deletion does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'CancelKeyDeletion',
        requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
  ],
});
