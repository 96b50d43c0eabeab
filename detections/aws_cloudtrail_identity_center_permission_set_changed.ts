import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { documentGrantsEverything } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestParam, requestText, succeeded } from './lib/cloudtrail_fields';

/** Calls that change what a permission set allows. */
const CHANGES = new Set([
  'CreatePermissionSet',
  'AttachManagedPolicyToPermissionSet',
  'DetachManagedPolicyFromPermissionSet',
  'AttachCustomerManagedPolicyReferenceToPermissionSet',
  'DetachCustomerManagedPolicyReferenceFromPermissionSet',
  'PutInlinePolicyToPermissionSet',
  'DeleteInlinePolicyFromPermissionSet',
  'PutPermissionsBoundaryToPermissionSet',
  'DeletePermissionsBoundaryFromPermissionSet',
]);

function grantsAdmin(event: CloudTrailEvent): boolean {
  if (event.eventName === 'AttachManagedPolicyToPermissionSet')
    return /:iam::aws:policy\/AdministratorAccess$/.test(requestText(event, 'managedPolicyArn') ?? '');
  if (event.eventName === 'PutInlinePolicyToPermissionSet') return documentGrantsEverything(requestParam(event, 'inlinePolicy'));
  return false;
}

function permissionSetOf(event: CloudTrailEvent): string {
  return requestText(event, 'permissionSetArn') ?? requestText(event, 'name') ?? 'unknown permission set';
}

export default defineRule({
  id: 'AWS.CloudTrail.IdentityCenterPermissionSetChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'An IAM Identity Center permission set was created or its policies changed outside the deployment pipeline. A permission set is the role every assigned person gets in every assigned account, so one edit widens access everywhere at once; adding AdministratorAccess or a `*:*` inline policy is high severity.',
  runbook:
    'Compare the permission set with its IaC definition; revert unplanned changes and re-provision it. Ask the actor why. For an admin grant, list who is assigned the set and review their recent activity.',
  reference: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html',
  tags: ['TA0004:T1098.003', 'TA0003:T1098.003'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'sso.amazonaws.com' &&
    CHANGES.has(event.eventName ?? '') &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  title: (event) =>
    `${actorOf(event)} called ${event.eventName} on ${permissionSetOf(event)}${grantsAdmin(event) ? ', granting administrator access' : ''} (${accountOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${permissionSetOf(event)}`,
  dynamicSeverity: (event) => (grantsAdmin(event) ? 'HIGH' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'attaching AdministratorAccess matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'AttachManagedPolicyToPermissionSet',
        requestParameters: {
          instanceArn: 'arn:aws:sso:::instance/ssoins-1234',
          permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234/ps-dev',
          managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        },
      }),
    },
    {
      name: 'removing a permissions boundary matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'DeletePermissionsBoundaryFromPermissionSet',
        requestParameters: { instanceArn: 'arn:aws:sso:::instance/ssoins-1234', permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234/ps-dev' },
      }),
    },
    {
      name: 'the pipeline changing a set does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'PutInlinePolicyToPermissionSet',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-6'),
        requestParameters: { permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234/ps-dev', inlinePolicy: '{}' },
      }),
    },
    {
      name: 'provisioning a set does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'ProvisionPermissionSet',
        requestParameters: { permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234/ps-dev', targetType: 'ALL_PROVISIONED_ACCOUNTS' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'AttachManagedPolicyToPermissionSet',
        errorCode: 'AccessDeniedException',
        requestParameters: {
          permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234/ps-dev',
          managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        },
      }),
    },
  ],
});
