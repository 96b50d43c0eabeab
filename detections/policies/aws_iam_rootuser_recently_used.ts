import { definePolicy } from '../../src/detect/policy';
import { credentialReport, iamRootUser } from '../../src/scan/test-resources';
import type { DateTime } from 'luxon';
import { daysSince } from '../lib/age';

function withinDays(timestamp: string | null, days: number, now: DateTime): boolean {
  const age = daysSince(timestamp, now);
  return age !== undefined && age <= days;
}

export default definePolicy({
  id: 'AWS.IAM.RootUser.RecentlyUsed',
  resourceTypes: ['AWS.IAM.RootUser'],
  severity: 'HIGH',
  description:
    "The root user's password was used recently. Day-to-day work should never need root; a recent root sign-in is either a rare task worth recording or someone else holding the credentials.",
  runbook:
    'Find the sign-in in CloudTrail (ConsoleLogin with userIdentity.type Root) and confirm who it was and why. If nobody can account for it, change the root password, check its MFA device and review everything done in that session.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  tags: ['TA0001:T1078.004'],
  policy: (root, { standards, now }) => !withinDays(root.CredentialReport?.PasswordLastUsed ?? null, standards.rootRecentUseDays, now),
  title: (root, { now }) =>
    `Root user of account ${root.AccountId} signed in ${daysSince(root.CredentialReport?.PasswordLastUsed ?? null, now) ?? '?'} day(s) ago`,
  tests: [
    { name: 'root unused since last year complies', expect: true, resource: iamRootUser() },
    {
      name: 'root used last week fails',
      expect: false,
      resource: iamRootUser({ CredentialReport: credentialReport({ ARN: 'arn:aws:iam::123456789012:root', PasswordLastUsed: '2026-11-15T00:00:00.000Z' }) }),
    },
  ],
});
