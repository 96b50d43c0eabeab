import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { grantsEverything, isTrue, policyStatements, sensitiveWildcards } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

const DOCUMENT_CALLS = new Set(['CreatePolicy', 'CreatePolicyVersion', 'PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy']);

/**
 * The wildcards a document grants. A new default version or inline policy granting `*:*` is the
 * admin rule's; a non-default version granting `*:*` is kept here, because it sits dormant until
 * someone calls SetDefaultPolicyVersion.
 */
function grantedWildcards(event: CloudTrailEvent): string[] {
  if (!DOCUMENT_CALLS.has(event.eventName ?? '')) return [];
  const statements = policyStatements(requestParam(event, 'policyDocument'));
  const dormantVersion = event.eventName === 'CreatePolicyVersion' && !isTrue(requestParam(event, 'setAsDefault'));
  if (statements.some(grantsEverything)) return dormantVersion ? ['*:* (non-default version)'] : [];
  return [...new Set(statements.flatMap(sensitiveWildcards))];
}

function policyOf(event: CloudTrailEvent): string {
  const owner = requestText(event, 'userName') ?? requestText(event, 'roleName') ?? requestText(event, 'groupName');
  const policy = requestText(event, 'policyName') ?? requestText(event, 'policyArn') ?? 'unknown policy';
  return owner ? `${policy} on ${owner}` : policy;
}

function doc(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

export default defineRule({
  id: 'AWS.CloudTrail.IamPolicyGrantsServiceWildcard',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An IAM policy written outside AWS-service automation (CloudFormation deployments are skipped) grants a whole sensitive service on every resource (iam:*, sts:*, kms:*, secretsmanager:*, s3:*…), allows everything except a few actions (NotAction), or adds a dormant non-default version granting `*`. Each is admin or one step from it. Other policy changes go to AWS.CloudTrail.IamPolicyChanged (low), full admin to AWS.CloudTrail.AdminPolicyAttached.',
  runbook:
    "Read the statement in the alert context and ask the actor what it is for; narrow it to the actions and resources needed. A dormant `*` version is a classic persistence trick: delete the version (`aws iam delete-policy-version`). If nobody owns the change, revert it and review the actor's recent activity.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  tags: ['TA0004:T1098.003', 'TA0003:T1098.003'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && succeeded(event) && !isAwsServiceCall(event) && grantedWildcards(event).length > 0,
  title: (event) => `${actorOf(event)} granted ${grantedWildcards(event).join(', ')} on * in ${policyOf(event)} (${accountOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${policyOf(event)}`,
  dynamicSeverity: (event) => (grantedWildcards(event).some((grant) => /^(iam|sts|organizations):\*$|^\*:\*/.test(grant)) ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), wildcards: grantedWildcards(event) }),
  tests: [
    {
      name: 'an inline iam:* on a role matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'orders-api',
          policyName: 'ops',
          policyDocument: doc({ Effect: 'Allow', Action: ['iam:*', 's3:GetObject'], Resource: '*' }),
        },
      }),
    },
    {
      name: 'an allow with NotAction matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicy',
        requestParameters: {
          policyName: 'almost-admin',
          policyDocument: doc({ Effect: 'Allow', NotAction: 'iam:DeleteAccountPasswordPolicy', Resource: '*' }),
        },
      }),
    },
    {
      name: 'a dormant non-default version granting everything matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicyVersion',
        requestParameters: {
          policyArn: 'arn:aws:iam::123456789012:policy/ops',
          setAsDefault: false,
          policyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
        },
      }),
    },
    {
      name: "a default version granting everything is the admin rule's",
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicyVersion',
        requestParameters: {
          policyArn: 'arn:aws:iam::123456789012:policy/ops',
          setAsDefault: true,
          policyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
        },
      }),
    },
    {
      name: 's3:* on one bucket does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: {
          roleName: 'orders-api',
          policyName: 's3',
          policyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::acme-orders', 'arn:aws:s3:::acme-orders/*'] }),
        },
      }),
    },
    {
      name: 'a wildcard on a harmless service does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        requestParameters: { roleName: 'dash', policyName: 'cw', policyDocument: doc({ Effect: 'Allow', Action: 'cloudwatch:*', Resource: '*' }) },
      }),
    },
    {
      name: 'CloudFormation writing the policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        userIdentity: { ...assumedRoleIdentity('cdk-hnb659fds-cfn-exec-role', 'AWSCloudFormation'), invokedBy: 'cloudformation.amazonaws.com' },
        requestParameters: { roleName: 'orders-api', policyName: 'ops', policyDocument: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'PutRolePolicy',
        errorCode: 'AccessDenied',
        requestParameters: { roleName: 'orders-api', policyName: 'ops', policyDocument: doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }) },
      }),
    },
  ],
});
