import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

const PROFILE_CHANGES = new Set(['CreateLoginProfile', 'UpdateLoginProfile']);

function targetUser(event: CloudTrailEvent): string {
  return requestText(event, 'userName') ?? event.userIdentity?.userName ?? 'unknown user';
}

/** Setting someone else's password is how an attacker with IAM rights takes over a console user. */
function forSomeoneElse(event: CloudTrailEvent): boolean {
  const target = requestText(event, 'userName');
  return target !== undefined && target !== event.userIdentity?.userName;
}

export default defineRule({
  id: 'AWS.CloudTrail.IamLoginProfileChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "A console password was created or reset for an IAM user. Giving a programmatic user a password, or resetting another user's password, opens console access that the owner may not know about.",
  runbook:
    'Ask the user named in the alert whether they expected a new password. If not: delete the login profile, check whether anyone signed in as that user since (ConsoleLogin events), and review the actor, who needs iam:CreateLoginProfile or iam:UpdateLoginProfile only in rare help-desk roles.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_admin-change-user.html',
  tags: ['TA0003:T1098', 'TA0004:T1098'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && PROFILE_CHANGES.has(event.eventName ?? '') && succeeded(event),
  title: (event) =>
    `${actorOf(event)} ${event.eventName === 'CreateLoginProfile' ? 'created a console password' : 'reset the console password'} for ${targetUser(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${targetUser(event)}`,
  dynamicSeverity: (event) => (forSomeoneElse(event) ? 'MEDIUM' : 'LOW'),
  alertContext: (event) => ({ ...callContext(event), targetUser: targetUser(event), forSomeoneElse: forSomeoneElse(event) }),
  tests: [
    {
      name: 'creating a password for a service user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateLoginProfile',
        userIdentity: iamUserIdentity('mallory'),
        requestParameters: { userName: 'svc-backup', passwordResetRequired: false },
      }),
    },
    {
      name: "resetting another user's password matches",
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateLoginProfile',
        userIdentity: iamUserIdentity('helpdesk'),
        requestParameters: { userName: 'bob', passwordResetRequired: true },
      }),
    },
    {
      name: 'a user changing their own password does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'ChangePassword', userIdentity: iamUserIdentity('bob'), requestParameters: null }),
    },
    {
      name: 'deleting a login profile does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'DeleteLoginProfile', requestParameters: { userName: 'bob' } }),
    },
  ],
});
