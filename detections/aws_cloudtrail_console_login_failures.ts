import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, text } from './lib/fields';
import { accountOf } from './lib/cloudtrail_fields';

/** AWS writes this instead of the typed name when no such user exists (so passwords typed as names are not logged). */
const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Who the failed attempts were against. */
function targetOf(event: CloudTrailEvent): string {
  const userName = event.userIdentity?.userName;
  if (userName === HIDDEN_USER) return 'user names that do not exist';
  return userName ?? (event.userIdentity?.type === 'Root' ? 'root' : 'an unknown user');
}

function failedLogin(identity: CloudTrailEvent['userIdentity'], outcome = 'Failure'): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventType: 'AwsConsoleSignIn',
    readOnly: false,
    sourceIPAddress: '192.0.2.200',
    userIdentity: identity,
    errorMessage: outcome === 'Failure' ? 'Failed authentication' : undefined,
    requestParameters: null,
    responseElements: { ConsoleLogin: outcome },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.ConsoleLoginFailures',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Five or more failed console sign-ins for the same user within an hour: password guessing, or a credential-stuffing list that contains this account.',
  runbook:
    'Look at the source addresses of the failures (alert events) and whether a successful ConsoleLogin for the same user followed. Ask the user if they were locked out. If not them: make sure MFA is on, rotate the password, and consider blocking the addresses. A success after the failures from the same address is a likely compromise: disable the user and investigate the session.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  tags: ['TA0006:T1110.001', 'TA0006:T1110.004'],
  threshold: 5,
  dedupPeriodMinutes: 60,
  rule: (event) => event.eventName === 'ConsoleLogin' && text(dig(event.responseElements, 'ConsoleLogin')) === 'Failure',
  title: (event) => `Repeated failed console logins for ${targetOf(event)} in ${accountOf(event)}`,
  // Per target user: attempts from many addresses against one user are one attack.
  dedup: (event) => `${accountOf(event)}:${targetOf(event)}`,
  alertContext: (event) => ({ user: targetOf(event), sourceIPAddress: event.sourceIPAddress, userAgent: event.userAgent, errorMessage: event.errorMessage }),
  tests: [
    { name: 'a failed IAM user login counts towards the threshold', expect: true, event: failedLogin(iamUserIdentity('carol')) },
    {
      name: 'a failed login for a user that does not exist counts too',
      expect: true,
      event: failedLogin({ type: 'IAMUser', accountId: '123456789012', accessKeyId: '', userName: HIDDEN_USER }),
    },
    { name: 'a successful login does not match', expect: false, event: failedLogin(iamUserIdentity('carol'), 'Success') },
    {
      name: 'a login record without a response does not match',
      expect: false,
      event: cloudTrailEvent({ eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', responseElements: null }),
    },
  ],
});
