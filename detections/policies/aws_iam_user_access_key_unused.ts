import { definePolicy } from '../../src/detect/policy';
import type { IamUser } from '../../src/scan/resources/iam-user';
import { accessKey, iamUser } from '../../src/scan/test-resources';
import { olderThanDays } from './age';
import { policySettings } from './settings';

const MAX_UNUSED_DAYS = policySettings.credentialMaxUnusedDays;

/** Active keys past the grace period that were never used, or not used within it. */
function unusedKeys(user: IamUser): IamUser['AccessKeys'] {
  return user.AccessKeys.filter(
    (key) => key.Status === 'Active' && olderThanDays(key.CreateDate, MAX_UNUSED_DAYS) && (key.LastUsedDate === null || olderThanDays(key.LastUsedDate, MAX_UNUSED_DAYS)),
  );
}

export default definePolicy({
  id: 'AWS.IAM.User.AccessKeyUnused',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'LOW',
  description: `The IAM user has an active access key that has not been used for ${MAX_UNUSED_DAYS} days (or ever). Nobody needs it, yet anyone who finds it can use it.`,
  runbook: 'Deactivate the key, wait a week for anyone to complain, then delete it. If the user has no other credentials or purpose left, remove the user.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  tags: ['TA0001:T1078.004'],
  policy: (user) => unusedKeys(user).length === 0,
  title: (user) => `IAM user ${user.UserName} in account ${user.AccountId} has ${unusedKeys(user).length} unused active access key(s)`,
  alertContext: (user) => ({ userName: user.UserName, keys: unusedKeys(user).map((key) => ({ accessKeyId: key.AccessKeyId, lastUsedDate: key.LastUsedDate })) }),
  tests: [
    { name: 'a key used yesterday complies', expect: true, resource: iamUser({ AccessKeys: [accessKey({ CreateDate: '2025-01-01T00:00:00.000Z' })] }) },
    { name: 'a new key not used yet complies', expect: true, resource: iamUser({ AccessKeys: [accessKey({ LastUsedDate: null, LastUsedService: null, LastUsedRegion: null })] }) },
    {
      name: 'an old key that was never used fails',
      expect: false,
      resource: iamUser({ AccessKeys: [accessKey({ CreateDate: '2025-01-01T00:00:00.000Z', LastUsedDate: null, LastUsedService: null, LastUsedRegion: null })] }),
    },
    {
      name: 'an old key last used in spring fails',
      expect: false,
      resource: iamUser({ AccessKeys: [accessKey({ CreateDate: '2025-01-01T00:00:00.000Z', LastUsedDate: '2026-04-01T00:00:00.000Z' })] }),
    },
  ],
});
