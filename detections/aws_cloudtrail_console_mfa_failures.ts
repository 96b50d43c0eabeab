import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, callContext, principalArnOf } from './lib/cloudtrail_fields';

/**
 * A failed MFA check comes after a correct password: CheckMfa with Failure, or a failed
 * ConsoleLogin that records MFA was used.
 */
function isFailedMfa(event: CloudTrailEvent): boolean {
  if (event.eventName === 'CheckMfa') return text(dig(event.responseElements, 'CheckMfa')) === 'Failure';
  return (
    event.eventName === 'ConsoleLogin' &&
    text(dig(event.responseElements, 'ConsoleLogin')) === 'Failure' &&
    text(dig(event.additionalEventData, 'MFAUsed')) === 'Yes'
  );
}

function userOf(event: CloudTrailEvent): string {
  return text(dig(event.additionalEventData, 'userName')) ?? (event.userIdentity?.userName ? actorOf(event) : principalArnOf(event));
}

export default defineRule({
  id: 'AWS.CloudTrail.ConsoleMfaFailures',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "Three or more failed MFA checks for the same console user within 30 minutes. MFA is only asked after the right password, so someone who knows this user's password is trying their luck with codes (or pushing MFA prompts).",
  runbook:
    'Contact the user: if they were not signing in, reset their password at once and check their MFA devices for one they do not recognise. Look at the source IPs of the failures and any successful sign-in that follows.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html#cloudtrail-integration_signin-mfa',
  tags: ['TA0006:T1110.001', 'TA0006:T1621'],
  threshold: 3,
  dedupPeriodMinutes: 30,
  rule: (event) => event.eventSource === 'signin.amazonaws.com' && isFailedMfa(event),
  title: (event) => `Repeated failed MFA for ${userOf(event)} in ${accountOf(event)} (latest from ${event.sourceIPAddress ?? 'an unknown address'})`,
  dedup: (event) => `${accountOf(event)}:${userOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a failed MFA check counts',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'CheckMfa',
        eventType: 'AwsConsoleSignIn',
        userIdentity: iamUserIdentity('bob'),
        responseElements: { CheckMfa: 'Failure' },
        additionalEventData: { MfaType: 'Virtual MFA' },
      }),
    },
    {
      name: 'a failed login after MFA counts',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: iamUserIdentity('bob'),
        errorMessage: 'Failed authentication',
        responseElements: { ConsoleLogin: 'Failure' },
        additionalEventData: { MFAUsed: 'Yes', LoginTo: 'https://console.aws.amazon.com/' },
      }),
    },
    {
      name: 'a passed MFA check does not count',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'CheckMfa',
        eventType: 'AwsConsoleSignIn',
        userIdentity: iamUserIdentity('bob'),
        responseElements: { CheckMfa: 'Success' },
      }),
    },
    {
      name: 'a wrong password does not count',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: iamUserIdentity('bob'),
        responseElements: { ConsoleLogin: 'Failure' },
        additionalEventData: { MFAUsed: 'No' },
      }),
    },
  ],
});
