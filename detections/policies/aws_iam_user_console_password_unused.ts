import { definePolicy, type PolicyContext } from '../../src/detect/policy';
import type { IamUser } from '../../src/scan/resources/iam-user';
import { credentialReport, iamUser } from '../../src/scan/test-resources';
import { hasConsolePassword } from '../lib/credentials';
import { olderThanDays } from '../lib/age';

/** A console password set long enough ago that it should have been used, and not used within the period. */
function passwordUnused(user: IamUser, { standards, now }: PolicyContext): boolean {
  const days = standards.credentialMaxUnusedDays;
  const report = user.CredentialReport;
  if (!hasConsolePassword(report) || !olderThanDays(report?.PasswordLastChanged ?? report?.UserCreationTime, days, now)) return false;
  const lastUsed = report?.PasswordLastUsed ?? user.PasswordLastUsed;
  return lastUsed === null || olderThanDays(lastUsed, days, now);
}

export default definePolicy({
  id: 'AWS.IAM.User.ConsolePasswordUnused',
  resourceTypes: ['AWS.IAM.User'],
  severity: 'LOW',
  description: `The IAM user has a console password that has not been used for longer than prowl.config.yml allows (scanPolicies.credentialMaxUnusedDays, 90 days by default), or ever: often a leaver or a forgotten test user, and a password nobody watches.`,
  runbook:
    "Confirm with the user's team whether they still need console access. If not, delete the login profile (IAM → Users → the user → Security credentials → Console password → Disable).",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  tags: ['TA0001:T1078.004'],
  policy: (user, context) => !passwordUnused(user, context),
  title: (user, { standards }) =>
    `IAM user ${user.Name ?? user.ResourceId} in account ${user.AccountId} has a console password unused for over ${standards.credentialMaxUnusedDays} days`,
  alertContext: (user) => ({
    userName: user.Name,
    passwordLastUsed: user.CredentialReport?.PasswordLastUsed ?? null,
    passwordLastChanged: user.CredentialReport?.PasswordLastChanged ?? null,
  }),
  tests: [
    { name: 'a console user who signed in this week complies', expect: true, resource: iamUser() },
    {
      name: 'a user given a password last week complies before first use',
      expect: true,
      resource: iamUser({
        PasswordLastUsed: null,
        CredentialReport: credentialReport({ PasswordLastChanged: '2026-11-15T00:00:00.000Z', PasswordLastUsed: null }),
      }),
    },
    {
      name: 'a console user who never signed in fails',
      expect: false,
      resource: iamUser({
        PasswordLastUsed: null,
        CredentialReport: credentialReport({ PasswordLastChanged: '2025-01-10T09:05:00.000Z', PasswordLastUsed: null }),
      }),
    },
    {
      name: 'a console user last seen in March fails',
      expect: false,
      resource: iamUser({
        PasswordLastUsed: '2026-03-02T00:00:00.000Z',
        CredentialReport: credentialReport({ PasswordLastChanged: '2025-01-10T09:05:00.000Z', PasswordLastUsed: '2026-03-02T00:00:00.000Z' }),
      }),
    },
  ],
});
