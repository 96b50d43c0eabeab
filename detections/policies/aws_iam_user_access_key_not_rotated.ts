import { definePolicy, type PolicyContext } from '../../src/detect/policy';
import type { IamUser } from '../../src/scan/resources/iam-user';
import { credentialReport, iamUser } from '../../src/scan/test-resources';
import { daysSince, olderThanDays } from '../lib/age';
import { accessKeySlots, type AccessKeySlot } from '../lib/credentials';

function staleKeys(user: IamUser, { standards, now }: PolicyContext): AccessKeySlot[] {
  return accessKeySlots(user.CredentialReport).filter((key) => key.active && olderThanDays(key.lastRotated, standards.accessKeyMaxAgeDays, now));
}

export default definePolicy({
  id: 'AWS.IAM.User.AccessKeyNotRotated',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'MEDIUM',
  description: `The IAM user has an active access key older than the maximum age (prowl.config.yml → scanPolicies.accessKeyMaxAgeDays, 90 days by default). Long-lived keys end up in laptops, CI logs and old repositories; the longer a key lives, the likelier it has leaked.`,
  runbook:
    'Create a second key, move the application to it, check that the old key is no longer used (IAM → the user → Security credentials → last used), then deactivate and delete it. Better: replace the user with a role (instance profile, IRSA, or IAM Identity Center).',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#Using_RotateAccessKey',
  tags: ['TA0001:T1078.004', 'TA0006:T1552'],
  policy: (user, context) => staleKeys(user, context).length === 0,
  title: (user, context) => {
    const oldest = Math.max(...staleKeys(user, context).map((key) => daysSince(key.lastRotated, context.now) ?? 0));
    return `IAM user ${user.Name ?? user.ResourceId} in account ${user.AccountId} has an access key ${oldest} days old`;
  },
  alertContext: (user, context) => ({ userName: user.Name, keys: staleKeys(user, context) }),
  tests: [
    {
      name: 'a user with a 52-day-old key complies',
      expect: true,
      resource: iamUser({ CredentialReport: credentialReport({ AccessKey1Active: true, AccessKey1LastRotated: '2026-10-01T00:00:00.000Z' }) }),
    },
    {
      name: 'an inactive old key complies',
      expect: true,
      resource: iamUser({ CredentialReport: credentialReport({ AccessKey1Active: false, AccessKey1LastRotated: '2024-01-01T00:00:00.000Z' }) }),
    },
    {
      name: 'an active key created in January 2025 fails',
      expect: false,
      resource: iamUser({
        CredentialReport: credentialReport({
          AccessKey1Active: true,
          AccessKey1LastRotated: '2026-10-01T00:00:00.000Z',
          AccessKey2Active: true,
          AccessKey2LastRotated: '2025-01-15T00:00:00.000Z',
        }),
      }),
    },
  ],
});
