import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, isAwsServiceCall, outsidersTrusted, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

function trustPolicy(principal: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal }] });
}

export default defineRule({
  id: 'AWS.CloudTrail.IamRoleTrustPolicyChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "A role's trust policy (who may assume it) changed to principals inside the organization. Changes that let outsiders in are AWS.CloudTrail.IamRoleExternalTrust instead.",
  runbook:
    "Compare the new trust policy (alert context) with the role's IaC. A workload role that a human principal can now assume is an escalation path: ask the actor, and revert if nobody needs it.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html',
  tags: ['TA0004:T1098.003'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'iam.amazonaws.com' &&
    event.eventName === 'UpdateAssumeRolePolicy' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    outsidersTrusted(requestParam(event, 'policyDocument'), event, settings).length === 0,
  title: (event) => `${actorOf(event)} changed who can assume role ${requestText(event, 'roleName') ?? 'unknown'} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'roleName') ?? 'unknown role'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'trusting another role in the account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAssumeRolePolicy',
        requestParameters: { roleName: 'db-admin', policyDocument: trustPolicy({ AWS: 'arn:aws:iam::123456789012:role/Engineer' }) },
      }),
    },
    {
      name: 'trusting an outside account is left to the external-trust rule',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAssumeRolePolicy',
        requestParameters: { roleName: 'db-admin', policyDocument: trustPolicy({ AWS: 'arn:aws:iam::444455556666:root' }) },
      }),
    },
    {
      name: 'creating a role does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: { roleName: 'x', assumeRolePolicyDocument: trustPolicy({ Service: 'lambda.amazonaws.com' }) },
      }),
    },
  ],
});
