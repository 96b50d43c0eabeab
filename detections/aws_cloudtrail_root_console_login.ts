import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent } from '../src/detect/test-events';

const rootIdentity = { type: 'Root', principalId: '123456789012', arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' };

export default defineRule({
  id: 'AWS.CloudTrail.RootConsoleLogin',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Someone signed in to the AWS console as the root user. Root can do anything, including closing the account; day-to-day work should never need it.',
  runbook:
    'Ask the account owner whether this login was planned (billing, support plan, account settings). If not: rotate the root password, check root MFA, review what root did after this login, and look for new IAM users or access keys.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
  tags: ['TA0004:T1078.004', 'TA0001:T1078.004'],
  dedupPeriodMinutes: 60,
  rule: (event) => event.eventName === 'ConsoleLogin' && event.userIdentity.type === 'Root' && event.responseElements?.['ConsoleLogin'] === 'Success',
  title: (event) =>
    `Root console login to account ${event.recipientAccountId ?? event.userIdentity.accountId ?? 'unknown'} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `${event.recipientAccountId ?? event.userIdentity.accountId}:${event.sourceIPAddress}`,
  alertContext: (event) => ({
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
    mfaUsed: event.additionalEventData?.['MFAUsed'] ?? 'unknown',
  }),
  tests: [
    {
      name: 'successful root console login matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: rootIdentity,
        responseElements: { ConsoleLogin: 'Success' },
        additionalEventData: { MFAUsed: 'Yes' },
      }),
    },
    {
      name: 'failed root console login does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        userIdentity: rootIdentity,
        responseElements: { ConsoleLogin: 'Failure' },
        errorMessage: 'Failed authentication',
      }),
    },
    {
      name: 'IAM user console login does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', userName: 'alice' },
        responseElements: { ConsoleLogin: 'Success' },
      }),
    },
  ],
});
