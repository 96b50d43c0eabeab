import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded } from './lib/cloudtrail_fields';

function summaryOf(event: CloudTrailEvent): string {
  const principal = `${(requestText(event, 'principalType') ?? 'principal').toLowerCase()} ${requestText(event, 'principalId') ?? 'unknown'}`;
  return `${principal} to account ${requestText(event, 'targetId') ?? 'unknown'} with permission set ${requestText(event, 'permissionSetArn') ?? 'unknown'}`;
}

export default defineRule({
  id: 'AWS.CloudTrail.IdentityCenterAccountAssignmentCreated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'IAM Identity Center gave a user or group access to an AWS account with a permission set, outside the deployment pipeline. Assignments are how people get into accounts; a hand-made one (especially to a single user rather than a group) is a way to grant oneself standing access.',
  runbook:
    'Check the assignment against the access request process. If nobody asked for it, delete it (`aws sso-admin delete-account-assignment`) and review what the principal did in the account. CloudTrail names the permission set only by id: look it up (`aws sso-admin describe-permission-set`) to see what it grants. Quiet IaC-managed changes by listing the pipeline roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html',
  tags: ['TA0003:T1098', 'TA0004:T1098'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'sso.amazonaws.com' &&
    event.eventName === 'CreateAccountAssignment' &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} assigned ${summaryOf(event)} (${accountOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'principalId') ?? 'unknown'}:${requestText(event, 'targetId') ?? 'unknown'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'assigning a permission set to a user by hand matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'CreateAccountAssignment',
        requestParameters: {
          instanceArn: 'arn:aws:sso:::instance/ssoins-1234',
          targetId: '123456789012',
          targetType: 'AWS_ACCOUNT',
          permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0a1b2c3d4e5f6789',
          principalType: 'USER',
          principalId: '9067a1b2-c3d4',
        },
      }),
    },
    {
      name: 'the pipeline assigning a group does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'CreateAccountAssignment',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-6'),
        requestParameters: {
          targetId: '123456789012',
          permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234/ps-ReadOnly',
          principalType: 'GROUP',
          principalId: 'g-1',
        },
      }),
    },
    {
      name: 'deleting an assignment does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'DeleteAccountAssignment',
        requestParameters: { targetId: '123456789012', principalType: 'USER', principalId: '9067a1b2-c3d4' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sso.amazonaws.com',
        eventName: 'CreateAccountAssignment',
        errorCode: 'AccessDeniedException',
        requestParameters: { targetId: '123456789012', principalType: 'USER', principalId: '9067a1b2-c3d4' },
      }),
    },
  ],
});
