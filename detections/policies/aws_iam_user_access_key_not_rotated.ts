import { definePolicy } from '../../src/detect/policy';
import type { IamUser } from '../../src/scan/resources/iam-user';
import { accessKey, iamUser } from '../../src/scan/test-resources';
import { daysSince, olderThanDays } from './age';
import { policySettings } from './settings';

const MAX_AGE_DAYS = policySettings.accessKeyMaxAgeDays;

function staleKeys(user: IamUser): IamUser['AccessKeys'] {
  return user.AccessKeys.filter((key) => key.Status === 'Active' && olderThanDays(key.CreateDate, MAX_AGE_DAYS));
}

export default definePolicy({
  id: 'AWS.IAM.User.AccessKeyNotRotated',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'MEDIUM',
  description: `The IAM user has an active access key older than ${MAX_AGE_DAYS} days. Long-lived keys end up in laptops, CI logs and old repositories; the older a key, the more places it may have leaked to.`,
  runbook:
    'Create a second key, move every consumer to it, check the old key\'s last use stops moving, then deactivate and delete the old key. Where the consumer runs in AWS or supports OIDC (CI systems), replace the key with a role instead.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  tags: ['TA0001:T1078.004', 'TA0006:T1552'],
  policy: (user) => staleKeys(user).length === 0,
  title: (user) => {
    const oldest = Math.max(...staleKeys(user).map((key) => daysSince(key.CreateDate) ?? 0));
    return `IAM user ${user.UserName} in account ${user.AccountId} has an access key ${oldest} days old`;
  },
  alertContext: (user) => ({ userName: user.UserName, keys: staleKeys(user).map((key) => ({ accessKeyId: key.AccessKeyId, createDate: key.CreateDate, lastUsedDate: key.LastUsedDate })) }),
  tests: [
    { name: 'a user with a 52-day-old key complies', expect: true, resource: iamUser({ AccessKeys: [accessKey()] }) },
    {
      name: 'an inactive old key complies',
      expect: true,
      resource: iamUser({ AccessKeys: [accessKey({ Status: 'Inactive', CreateDate: '2024-01-01T00:00:00.000Z' })] }),
    },
    {
      name: 'an active key created in January 2025 fails',
      expect: false,
      resource: iamUser({ AccessKeys: [accessKey(), accessKey({ AccessKeyId: 'AKIAEXAMPLEKEY000002', CreateDate: '2025-01-15T00:00:00.000Z' })] }),
    },
  ],
});
