import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import {
  accountOf,
  actorOf,
  callContext,
  isAwsServiceCall,
  isDeployment,
  outsidersTrusted,
  requestParam,
  requestText,
  succeeded,
} from './lib/cloudtrail_fields';

/** Users are AWS.CloudTrail.IamUserCreated's and managed policies AWS.CloudTrail.IamPolicyChanged's; roles, groups and instance profiles are here. */
const CREATES = new Map([
  ['CreateRole', 'roleName'],
  ['CreateGroup', 'groupName'],
  ['CreateInstanceProfile', 'instanceProfileName'],
]);

function entityOf(event: CloudTrailEvent): string {
  const field = CREATES.get(event.eventName ?? '') ?? 'roleName';
  return requestText(event, field) ?? 'unknown';
}

/** A new role trusting outsiders is AWS.CloudTrail.IamRoleExternalTrust's alert, at higher severity; one alert per event. */
function trustsOutsiders(event: CloudTrailEvent, settings: DetectionSettings): boolean {
  return event.eventName === 'CreateRole' && outsidersTrusted(requestParam(event, 'assumeRolePolicyDocument'), event, settings).length > 0;
}

function kindOf(event: CloudTrailEvent): string {
  return (event.eventName ?? 'CreateRole')
    .replace(/^Create/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export default defineRule({
  id: 'AWS.CloudTrail.IamEntityCreatedOutsideDeployment',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'An IAM role, group or instance profile was created by a person or workload rather than the deployment pipeline (deploymentPrincipals, or CloudFormation). Where identities come from IaC, a hand-made one is drift at best and a backdoor at worst.',
  runbook:
    'Ask the actor what the entity is for and get it into IaC, or delete it. For a role, read its trust policy: trust in an outside account or a wide principal is the backdoor case (see also AWS.CloudTrail.IamRoleExternalTrust). Quiet the rule for your pipeline by listing its roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create.html',
  tags: ['TA0003:T1136.003', 'TA0003:T1098'],
  requiresSettings: ['deploymentPrincipals', 'organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'iam.amazonaws.com' &&
    CREATES.has(event.eventName ?? '') &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings) &&
    !trustsOutsiders(event, settings),
  title: (event) => `${actorOf(event)} created IAM ${kindOf(event)} ${entityOf(event)} outside the deployment pipeline in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.eventName}:${entityOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a role created from a laptop matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: { roleName: 'tmp-debug', assumeRolePolicyDocument: '{}' },
      }),
    },
    {
      name: "a role trusting an outside account is the external-trust rule's",
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        requestParameters: {
          roleName: 'vendor',
          assumeRolePolicyDocument: JSON.stringify({
            Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }],
          }),
        },
      }),
    },
    {
      name: 'a group created by hand matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'CreateGroup', requestParameters: { groupName: 'quick-fix' } }),
    },
    {
      name: "a managed policy is the policy rule's",
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicy',
        requestParameters: { policyName: 'quick-fix', policyDocument: '{}' },
      }),
    },
    {
      name: 'a role created by the pipeline does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        userIdentity: assumedRoleIdentity('cdk-hnb659fds-cfn-exec-role', 'AWSCloudFormation'),
        requestParameters: { roleName: 'orders-api' },
      }),
    },
    {
      name: 'a service-linked role does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        userIdentity: awsServiceIdentity('iam.amazonaws.com'),
        requestParameters: { roleName: 'AWSServiceRoleForSupport' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateRole',
        errorCode: 'AccessDenied',
        requestParameters: { roleName: 'tmp-debug' },
      }),
    },
  ],
});
