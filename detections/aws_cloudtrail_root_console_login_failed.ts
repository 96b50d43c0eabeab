import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity, rootIdentity } from '../src/detect/test-events';
import { dig, text } from './lib/fields';
import { accountOf, callContext } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.RootConsoleLoginFailed',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A console sign-in as the root user failed. Nobody should be signing in as root day to day, so even one failure means someone is trying the root email and password (ConsoleLoginFailures only fires after five).',
  runbook:
    'Ask whoever holds the root credentials whether they tried to sign in. If not, check that root has MFA (hardware, ideally), change the root password, and look at the source IP for other activity. Several failures from one address are a guessing attempt.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  tags: ['TA0006:T1110.001', 'TA0001:T1078.004'],
  rule: (event) => event.eventName === 'ConsoleLogin' && event.userIdentity?.type === 'Root' && text(dig(event.responseElements, 'ConsoleLogin')) === 'Failure',
  title: (event) => `Failed root console sign-in to ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `${accountOf(event)}:${event.sourceIPAddress ?? 'unknown address'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a failed root sign-in matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: rootIdentity(),
        sourceIPAddress: '203.0.113.77',
        errorMessage: 'Failed authentication',
        responseElements: { ConsoleLogin: 'Failure' },
        additionalEventData: { MFAUsed: 'No' },
      }),
    },
    {
      name: "a successful root sign-in is RootConsoleLogin's",
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: rootIdentity(),
        responseElements: { ConsoleLogin: 'Success' },
      }),
    },
    {
      name: 'a failed IAM user sign-in does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: iamUserIdentity('bob'),
        responseElements: { ConsoleLogin: 'Failure' },
      }),
    },
  ],
});
