import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, principalArnOf } from './lib/cloudtrail_fields';

function consoleLogin(identity: ReturnType<typeof iamUserIdentity>, outcome: string, mfaUsed: string): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
    sourceIPAddress: '203.0.113.24',
    userIdentity: identity,
    requestParameters: null,
    responseElements: { ConsoleLogin: outcome },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfaUsed },
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.ConsoleLoginWithoutMfa',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An IAM user signed in to the console with a password alone. A phished or reused password is then enough to take the account. Federated (SSO) sign-ins are excluded because MFA happens at the identity provider; root sign-ins have their own rule.',
  runbook:
    'Check whether the user has an MFA device (IAM → Users → Security credentials). Ask them whether they signed in from this address. If they did, enforce MFA for them (and an IAM policy that denies actions without aws:MultiFactorAuthPresent). If they did not: disable the console password and access keys, and review what the session did.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html',
  tags: ['TA0001:T1078.004'],
  rule: (event) =>
    event.eventName === 'ConsoleLogin' &&
    event.userIdentity?.type === 'IAMUser' &&
    text(dig(event.responseElements, 'ConsoleLogin')) === 'Success' &&
    text(dig(event.additionalEventData, 'MFAUsed')) === 'No',
  title: (event) => `${actorOf(event)} signed in to the console without MFA in ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `${principalArnOf(event)}`,
  alertContext: (event) => ({
    user: actorOf(event),
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
    loginTo: dig(event.additionalEventData, 'LoginTo'),
  }),
  tests: [
    { name: 'an IAM user password-only login matches', expect: true, event: consoleLogin(iamUserIdentity('bob'), 'Success', 'No') },
    { name: 'an IAM user login with MFA does not match', expect: false, event: consoleLogin(iamUserIdentity('bob'), 'Success', 'Yes') },
    { name: 'a failed login without MFA does not match', expect: false, event: consoleLogin(iamUserIdentity('bob'), 'Failure', 'No') },
    {
      name: 'a federated SSO login (MFA at the identity provider) does not match',
      expect: false,
      event: consoleLogin(assumedRoleIdentity('AWSReservedSSO_Admin_0123456789abcdef', 'bob@example.com'), 'Success', 'No'),
    },
    {
      name: 'a login record without additionalEventData does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        userIdentity: iamUserIdentity('bob'),
        responseElements: { ConsoleLogin: 'Success' },
      }),
    },
  ],
});
