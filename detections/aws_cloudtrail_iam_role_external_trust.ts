import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, outsidersTrusted, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

function trustDocument(event: CloudTrailEvent): unknown {
  return event.eventName === 'CreateRole' ? requestParam(event, 'assumeRolePolicyDocument') : requestParam(event, 'policyDocument');
}

function trustPolicy(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] });
}

export default defineRule({
  id: 'AWS.CloudTrail.IamRoleExternalTrust',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A role was created, or its trust policy changed, so that principals outside the organization can assume it: another account, anyone (`*`), or any identity of an identity provider. This is a common persistence backdoor.',
  runbook:
    'Identify the outside principal (alert context). Known vendors (monitoring, backup) should be in the vendor list with an ExternalId condition; if this one is not, remove it from the trust policy, then check CloudTrail for AssumeRole calls on this role from that principal. For OIDC providers, add a `sub` condition naming the allowed repository or workload.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  tags: ['TA0003:T1098.003', 'TA0004:T1484.002'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'iam.amazonaws.com' &&
    (event.eventName === 'CreateRole' || event.eventName === 'UpdateAssumeRolePolicy') &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    outsidersTrusted(trustDocument(event), event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} let ${outsidersTrusted(trustDocument(event), event, settings).join(', ')} assume role ${requestText(event, 'roleName') ?? 'unknown'} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'roleName') ?? 'unknown role'}`,
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsidersTrusted(trustDocument(event), event, settings) }),
  tests: [
    {
      name: 'a new role trusting an unknown account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: { roleName: 'support-access', assumeRolePolicyDocument: trustPolicy({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } }) },
      }),
    },
    {
      name: 'a trust policy opened to everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAssumeRolePolicy',
        requestParameters: { roleName: 'ops', policyDocument: trustPolicy({ Principal: { AWS: '*' } }) },
      }),
    },
    {
      name: 'GitHub OIDC trust without a sub condition matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: {
          roleName: 'gha',
          assumeRolePolicyDocument: trustPolicy({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
          }),
        },
      }),
    },
    {
      name: 'GitHub OIDC trust limited to one repository does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: {
          roleName: 'gha',
          assumeRolePolicyDocument: trustPolicy({
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
            Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } },
          }),
        },
      }),
    },
    {
      name: 'a role trusting another organization account and a service does not match',
      expect: false,
      settings: { organizationAccountIds: ['123456789012', '111122223333'] },
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: {
          roleName: 'cross',
          assumeRolePolicyDocument: trustPolicy({
            Principal: { AWS: ['arn:aws:iam::111122223333:role/Deployer', '123456789012'], Service: 'ec2.amazonaws.com' },
          }),
        },
      }),
    },
    {
      name: 'a URL-encoded trust policy is read too',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAssumeRolePolicy',
        requestParameters: { roleName: 'x', policyDocument: encodeURIComponent(trustPolicy({ Principal: { AWS: '999988887777' } })) },
      }),
    },
    {
      name: 'an unreadable trust policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'UpdateAssumeRolePolicy',
        requestParameters: { roleName: 'x', policyDocument: '{not json' },
      }),
    },
  ],
});
