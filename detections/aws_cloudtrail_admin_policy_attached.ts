import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { documentGrantsEverything, isTrue } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

const ATTACH_CALLS = new Set(['AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy']);
const INLINE_CALLS = new Set(['PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy']);

/** AWS's managed administrator policy; the match is on the policy name so the partition does not matter. */
function isAdministratorAccessArn(arn: string | undefined): boolean {
  return arn !== undefined && /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/.test(arn);
}

function grantsAdmin(event: CloudTrailEvent): boolean {
  const name = event.eventName ?? '';
  if (ATTACH_CALLS.has(name)) return isAdministratorAccessArn(requestText(event, 'policyArn'));
  if (INLINE_CALLS.has(name)) return documentGrantsEverything(requestParam(event, 'policyDocument'));
  // A new version only takes effect when it becomes the default.
  if (name === 'CreatePolicyVersion') return isTrue(requestParam(event, 'setAsDefault')) && documentGrantsEverything(requestParam(event, 'policyDocument'));
  if (name === 'CreatePolicy') return documentGrantsEverything(requestParam(event, 'policyDocument'));
  return false;
}

/** Who received the access: user, role, group, or (for a managed policy) the policy itself. */
function granteeOf(event: CloudTrailEvent): string {
  const user = requestText(event, 'userName');
  const role = requestText(event, 'roleName');
  const group = requestText(event, 'groupName');
  if (user) return `user ${user}`;
  if (role) return `role ${role}`;
  if (group) return `group ${group}`;
  return `policy ${requestText(event, 'policyArn') ?? requestText(event, 'policyName') ?? 'unknown'}`;
}

function adminDoc(name: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: name, Effect: 'Allow', Action: '*', Resource: '*' }] });
}

export default defineRule({
  id: 'AWS.CloudTrail.AdminPolicyAttached',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A user, role or group was given administrator access: the AdministratorAccess managed policy attached, or a policy allowing every action on every resource.',
  runbook:
    'Ask the actor who needs admin and why; standing admin should be rare and in IaC. If unexplained, detach or delete the policy at once, revoke the grantee\'s sessions (for a role: "Revoke active sessions"), and review what the grantee did since. Check whether the actor is itself compromised (this is a classic escalation step).',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html',
  tags: ['TA0004:T1098.003', 'TA0003:T1098.003'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && succeeded(event) && !isAwsServiceCall(event) && grantsAdmin(event),
  title: (event) => `${actorOf(event)} gave ${granteeOf(event)} administrator access (${event.eventName}) in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${granteeOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'attaching AdministratorAccess to a role matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachRolePolicy',
        requestParameters: { roleName: 'ci-runner', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      }),
    },
    {
      name: 'an inline *:* policy on a user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutUserPolicy',
        requestParameters: {
          userName: 'backup',
          policyName: 'tmp',
          policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*:*', Resource: '*' } }),
        },
      }),
    },
    {
      name: 'a new default version granting everything matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicyVersion',
        requestParameters: { policyArn: 'arn:aws:iam::123456789012:policy/ops', policyDocument: adminDoc('All'), setAsDefault: true },
      }),
    },
    {
      name: 'a new non-default version does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicyVersion',
        requestParameters: { policyArn: 'arn:aws:iam::123456789012:policy/ops', policyDocument: adminDoc('All'), setAsDefault: false },
      }),
    },
    {
      name: 'attaching ReadOnlyAccess does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachRolePolicy',
        requestParameters: { roleName: 'auditor', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      }),
    },
    {
      name: 'a customer policy merely named AdministratorAccess does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachRolePolicy',
        requestParameters: { roleName: 'x', policyArn: 'arn:aws:iam::123456789012:policy/AdministratorAccess' },
      }),
    },
    {
      name: 'an inline policy scoped to one bucket does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'app',
          policyName: 's3',
          policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::acme-app/*' }] }),
        },
      }),
    },
    {
      name: 'a deny-everything policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'app',
          policyName: 'p',
          policyDocument: JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }),
        },
      }),
    },
  ],
});
