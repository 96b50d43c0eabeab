import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.KmsKeyDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A KMS key was disabled. Everything encrypted with it (volumes, buckets, databases, secrets) becomes unreadable until it is re-enabled: an outage, or the first step of ransom.',
  runbook:
    "Find what the key protects (key policy, aliases, CloudTrail Decrypt calls by service). If the disable was not planned, re-enable it (`aws kms enable-key`), revoke the actor's sessions and check for other destructive calls (ScheduleKeyDeletion, snapshot deletion).",
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html',
  tags: ['TA0040:T1485', 'TA0040:T1486'],
  rule: (event) => event.eventSource === 'kms.amazonaws.com' && event.eventName === 'DisableKey' && succeeded(event),
  title: (event) => `${actorOf(event)} disabled KMS key ${requestText(event, 'keyId') ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'keyId') ?? 'unknown key'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'disabling a key matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'DisableKey',
        requestParameters: { keyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
    {
      name: 'disabling key rotation does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'DisableKeyRotation',
        requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
      }),
    },
    {
      name: 'a denied disable does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'kms.amazonaws.com',
        eventName: 'DisableKey',
        errorCode: 'AccessDeniedException',
        requestParameters: { keyId: 'k' },
      }),
    },
  ],
});
