import { definePolicy, type PolicyContext } from '../../src/detect/policy';
import type { IamUser } from '../../src/scan/resources/iam-user';
import { credentialReport, iamUser } from '../../src/scan/test-resources';
import { olderThanDays } from '../lib/age';
import { accessKeySlots, type AccessKeySlot } from '../lib/credentials';

/** Active keys past the grace period that were never used, or not used within it. */
function unusedKeys(user: IamUser, { standards, now }: PolicyContext): AccessKeySlot[] {
  const days = standards.credentialMaxUnusedDays;
  return accessKeySlots(user.CredentialReport).filter(
    (key) => key.active && olderThanDays(key.lastRotated, days, now) && (key.lastUsedDate === null || olderThanDays(key.lastUsedDate, days, now)),
  );
}

export default definePolicy({
  id: 'AWS.IAM.User.AccessKeyUnused',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'LOW',
  description: `The IAM user has an active access key that has not been used for longer than prowl.config.yml allows (scanPolicies.credentialMaxUnusedDays, 90 days by default), or ever. An unused key is pure risk: nothing needs it, and whoever finds it can use it.`,
  runbook: 'Deactivate the key (IAM → the user → Security credentials), wait a week for anyone to complain, then delete it.',
  reference: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-8',
  tags: ['TA0001:T1078.004'],
  policy: (user, context) => unusedKeys(user, context).length === 0,
  title: (user, context) =>
    `IAM user ${user.Name ?? user.ResourceId} in account ${user.AccountId} has ${unusedKeys(user, context).length} unused active access key(s)`,
  alertContext: (user, context) => ({ userName: user.Name, keys: unusedKeys(user, context) }),
  tests: [
    {
      name: 'a key used yesterday complies',
      expect: true,
      resource: iamUser({
        CredentialReport: credentialReport({
          AccessKey1Active: true,
          AccessKey1LastRotated: '2025-01-01T00:00:00.000Z',
          AccessKey1LastUsedDate: '2026-11-21T00:00:00.000Z',
        }),
      }),
    },
    {
      name: 'a new key not used yet complies',
      expect: true,
      resource: iamUser({ CredentialReport: credentialReport({ AccessKey1Active: true, AccessKey1LastRotated: '2026-11-01T00:00:00.000Z' }) }),
    },
    {
      name: 'an old key that was never used fails',
      expect: false,
      resource: iamUser({ CredentialReport: credentialReport({ AccessKey1Active: true, AccessKey1LastRotated: '2025-01-01T00:00:00.000Z' }) }),
    },
    {
      name: 'an old key last used in spring fails',
      expect: false,
      resource: iamUser({
        CredentialReport: credentialReport({
          AccessKey2Active: true,
          AccessKey2LastRotated: '2025-01-01T00:00:00.000Z',
          AccessKey2LastUsedDate: '2026-04-01T00:00:00.000Z',
        }),
      }),
    },
  ],
});
