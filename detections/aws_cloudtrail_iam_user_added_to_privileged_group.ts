import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { globMatcher } from './lib/matchers';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

import type { DetectionSettings } from '../src/config/detection-settings';

/** With no privileged groups configured, any group whose name says admin is treated as privileged (the documented fallback). */
const FALLBACK_PRIVILEGED = ['*[Aa]dmin*', '*ADMIN*'];

function isPrivileged(group: string | undefined, settings: DetectionSettings): boolean {
  return globMatcher(settings.privilegedGroups.length > 0 ? settings.privilegedGroups : FALLBACK_PRIVILEGED)(group);
}

export default defineRule({
  id: 'AWS.CloudTrail.IamUserAddedToPrivilegedGroup',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An IAM user was added to a group that grants administrative power (group-name globs in detections.privilegedGroups; while that is empty, any group whose name contains "admin").',
  runbook:
    'Ask the actor and the user why the membership is needed and for how long. If unexplained, remove the user from the group (`aws iam remove-user-from-group`), review what the user did since, and check how the actor got iam:AddUserToGroup.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_add-remove-users.html',
  tags: ['TA0004:T1098', 'TA0003:T1098'],
  requiresSettings: ['privilegedGroups'],
  rule: (event, { settings }) =>
    event.eventSource === 'iam.amazonaws.com' &&
    event.eventName === 'AddUserToGroup' &&
    succeeded(event) &&
    isPrivileged(requestText(event, 'groupName'), settings),
  title: (event) =>
    `${actorOf(event)} added ${requestText(event, 'userName') ?? 'unknown user'} to privileged group ${requestText(event, 'groupName') ?? 'unknown'} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'groupName') ?? ''}:${requestText(event, 'userName') ?? ''}`,
  alertContext: callContext,
  tests: [
    {
      name: 'joining Admins matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'AddUserToGroup', requestParameters: { groupName: 'Admins', userName: 'bob' } }),
    },
    {
      name: 'joining a group matching a configured glob matches',
      expect: true,
      settings: { privilegedGroups: ['*Operators'] },
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AddUserToGroup',
        requestParameters: { groupName: 'NetworkOperators', userName: 'bob' },
      }),
    },
    {
      name: 'with groups configured, an admin-sounding group outside them does not match',
      expect: false,
      settings: { privilegedGroups: ['*Operators'] },
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'AddUserToGroup', requestParameters: { groupName: 'Admins', userName: 'bob' } }),
    },
    {
      name: 'unconfigured, a group named like administrators matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AddUserToGroup',
        requestParameters: { groupName: 'NetworkAdministrators', userName: 'bob' },
      }),
    },
    {
      name: 'joining an ordinary group does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AddUserToGroup',
        requestParameters: { groupName: 'Developers', userName: 'bob' },
      }),
    },
    {
      name: 'leaving Admins does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'RemoveUserFromGroup',
        requestParameters: { groupName: 'Admins', userName: 'bob' },
      }),
    },
  ],
});
