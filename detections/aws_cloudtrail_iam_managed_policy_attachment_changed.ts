import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded } from './lib/cloudtrail_fields';

const ATTACH = new Set(['AttachUserPolicy', 'AttachRolePolicy', 'AttachGroupPolicy']);
const DETACH = new Set(['DetachUserPolicy', 'DetachRolePolicy', 'DetachGroupPolicy']);

/** Attaching these is admin or its shortcut (they can grant themselves the rest); AdministratorAccess itself is the admin rule's. */
const POWERFUL =
  /^arn:aws[a-z-]*:iam::aws:policy\/(IAMFullAccess|PowerUserAccess|AWSOrganizationsFullAccess|SecretsManagerReadWrite|AmazonS3FullAccess|AWSLambda_FullAccess|AmazonEC2FullAccess)$/;
const COVERED_ELSEWHERE = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|AWSCompromisedKeyQuarantine(V\d+)?)$/;

function policyOf(event: CloudTrailEvent): string {
  return requestText(event, 'policyArn') ?? 'unknown policy';
}

function subjectOf(event: CloudTrailEvent): string {
  const user = requestText(event, 'userName');
  const role = requestText(event, 'roleName');
  const group = requestText(event, 'groupName');
  return user ? `user ${user}` : role ? `role ${role}` : group ? `group ${group}` : 'unknown identity';
}

function isAttachmentChange(event: CloudTrailEvent): boolean {
  const name = event.eventName ?? '';
  if (DETACH.has(name)) return true;
  return ATTACH.has(name) && !COVERED_ELSEWHERE.test(policyOf(event));
}

export default defineRule({
  id: 'AWS.CloudTrail.IamManagedPolicyAttachmentChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A managed policy was attached to or detached from a user, role or group by someone other than the deployment pipeline. Attaching a powerful AWS policy (IAMFullAccess, PowerUserAccess…) is high severity; detaching can remove a deny guardrail.',
  runbook:
    'Check the change against IaC: permissions should come from the pipeline. If nobody asked for it, revert it (re-attach or detach), and if a powerful policy was attached, review what the grantee did since. Quiet this rule for your pipeline by listing its roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-attach-detach.html',
  tags: ['TA0004:T1098.003', 'TA0003:T1098.003'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'iam.amazonaws.com' && isAttachmentChange(event) && succeeded(event) && !isAwsServiceCall(event) && !isDeployment(event, settings),
  title: (event) =>
    `${actorOf(event)} ${ATTACH.has(event.eventName ?? '') ? 'attached' : 'detached'} ${policyOf(event)} ${ATTACH.has(event.eventName ?? '') ? 'to' : 'from'} ${subjectOf(event)} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${subjectOf(event)}`,
  dynamicSeverity: (event) => (ATTACH.has(event.eventName ?? '') && POWERFUL.test(policyOf(event)) ? 'HIGH' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'attaching IAMFullAccess to a user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachUserPolicy',
        requestParameters: { userName: 'build-bot', policyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' },
      }),
    },
    {
      name: 'detaching a guardrail policy from a role matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'DetachRolePolicy',
        requestParameters: { roleName: 'orders-api', policyArn: 'arn:aws:iam::123456789012:policy/deny-data-export' },
      }),
    },
    {
      name: 'the pipeline attaching a policy does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachRolePolicy',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-4411'),
        requestParameters: { roleName: 'orders-api', policyArn: 'arn:aws:iam::123456789012:policy/orders' },
      }),
    },
    {
      name: 'a service-linked attachment does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachRolePolicy',
        userIdentity: awsServiceIdentity('sso.amazonaws.com'),
        requestParameters: { roleName: 'AWSReservedSSO_ReadOnly_0123', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      }),
    },
    {
      name: 'AdministratorAccess is left to the admin rule',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachUserPolicy',
        requestParameters: { userName: 'build-bot', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'AttachUserPolicy',
        errorCode: 'AccessDenied',
        requestParameters: { userName: 'build-bot', policyArn: 'arn:aws:iam::aws:policy/IAMFullAccess' },
      }),
    },
  ],
});
