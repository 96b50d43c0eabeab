import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { documentGrantsEverything, documentSensitiveWildcards } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

/** Changes to what a policy allows; attaching AdministratorAccess or writing `*:*` is the admin rule's. */
const POLICY_CHANGES = new Set([
  'CreatePolicy',
  'CreatePolicyVersion',
  'SetDefaultPolicyVersion',
  'DeletePolicy',
  'DeletePolicyVersion',
  'PutUserPolicy',
  'PutRolePolicy',
  'PutGroupPolicy',
  'DeleteUserPolicy',
  'DeleteRolePolicy',
  'DeleteGroupPolicy',
  'PutUserPermissionsBoundary',
  'PutRolePermissionsBoundary',
  'DeleteUserPermissionsBoundary',
  'DeleteRolePermissionsBoundary',
]);

function subjectOf(event: CloudTrailEvent): string {
  const owner = requestText(event, 'userName') ?? requestText(event, 'roleName') ?? requestText(event, 'groupName');
  const policy = requestText(event, 'policyName') ?? requestText(event, 'policyArn') ?? 'unknown policy';
  return owner ? `${policy} on ${owner}` : policy;
}

export default defineRule({
  id: 'AWS.CloudTrail.IamPolicyChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'A managed or inline IAM policy, or a permissions boundary, was created, changed or deleted outside AWS-service automation (IaC deployments through CloudFormation are skipped). Grants of full admin are reported by AWS.CloudTrail.AdminPolicyAttached instead, and service-wide wildcards (iam:*, kms:*…) by AWS.CloudTrail.IamPolicyGrantsServiceWildcard.',
  runbook:
    'Read the new document (alert context) and compare with IaC. Look for iam:*, iam:PassRole, sts:AssumeRole on *, or wildcard resources on sensitive services; removed permission boundaries deserve a question to the actor. Revert unplanned changes.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-edit.html',
  tags: ['TA0004:T1098.003', 'TA0003:T1098.003'],
  rule: (event) =>
    event.eventSource === 'iam.amazonaws.com' &&
    POLICY_CHANGES.has(event.eventName ?? '') &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !documentGrantsEverything(requestParam(event, 'policyDocument')) &&
    documentSensitiveWildcards(requestParam(event, 'policyDocument')).length === 0 &&
    // AWS's own reaction to a leaked key is AWS.CloudTrail.IamCompromisedKeyQuarantine's alert.
    requestText(event, 'policyName') !== 'AWSExposedCredentialPolicy_DO_NOT_REMOVE',
  title: (event) => `${actorOf(event)} called ${event.eventName} (${subjectOf(event)}) in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${subjectOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'an inline role policy matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'app',
          policyName: 'pass',
          policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }),
        },
      }),
    },
    {
      name: 'removing a permissions boundary matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'DeleteRolePermissionsBoundary', requestParameters: { roleName: 'app' } }),
    },
    {
      name: 'a full-admin inline policy is left to the admin rule',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'app',
          policyName: 'all',
          policyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
        },
      }),
    },
    {
      name: 'an iam:* inline policy is left to the wildcard rule',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'app',
          policyName: 'iam',
          policyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }),
        },
      }),
    },
    {
      name: 'a change made through CloudFormation does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicy',
        userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/Deployer/x', invokedBy: 'cloudformation.amazonaws.com' },
        requestParameters: { policyName: 'p' },
      }),
    },
    {
      name: 'reading a policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'GetPolicyVersion',
        readOnly: true,
        requestParameters: { policyArn: 'arn:aws:iam::123456789012:policy/p', versionId: 'v2' },
      }),
    },
  ],
});
