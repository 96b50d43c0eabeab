import { definePolicy } from '../../src/detect/policy';
import { kmsKey } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.KMS.Key.PendingDeletion',
  resourceTypes: ['AWS.KMS.Key'],
  severity: 'MEDIUM',
  description:
    'The key is scheduled for deletion. Once deleted, everything encrypted with it is unreadable for good; attackers schedule deletions to destroy data or backups.',
  runbook:
    'Confirm the deletion was planned and that nothing still needs the key (CloudTrail shows recent use). If in doubt, cancel it (KMS → the key → Cancel key deletion) and disable the key instead.',
  reference: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html',
  tags: ['TA0040:T1485'],
  policy: (key) => key.KeyState !== 'PendingDeletion',
  title: (key) => `KMS key ${key.Id ?? key.ResourceId} is scheduled for deletion${key.DeletionDate ? ` on ${key.DeletionDate}` : ''}`,
  tests: [
    { name: 'an enabled key complies', expect: true, resource: kmsKey() },
    {
      name: 'a key pending deletion fails',
      expect: false,
      resource: kmsKey({ KeyState: 'PendingDeletion', Enabled: false, DeletionDate: '2026-12-01T00:00:00.000Z' }),
    },
  ],
});
