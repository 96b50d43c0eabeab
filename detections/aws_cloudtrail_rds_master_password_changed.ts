import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isExplicitFalse } from './lib/fields';
import { accountOf, actorOf, callContext, isDeployment, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const MODIFY_CALLS = new Set(['ModifyDBInstance', 'ModifyDBCluster']);

/**
 * CloudTrail hides the value but keeps the key: a masterUserPassword in the request means it was
 * set. Taking the password out of Secrets Manager's management is the same move by another route.
 */
function change(event: CloudTrailEvent): string | undefined {
  if (!MODIFY_CALLS.has(event.eventName ?? '')) return undefined;
  if (requestParam(event, 'masterUserPassword') !== undefined) return 'set a new master password on';
  if (isExplicitFalse(requestParam(event, 'manageMasterUserPassword'))) return 'took the master password out of Secrets Manager for';
  return undefined;
}

function databaseOf(event: CloudTrailEvent): string {
  return requestText(event, 'dBInstanceIdentifier') ?? requestText(event, 'dBClusterIdentifier') ?? 'unknown database';
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsMasterPasswordChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'The master user password of an RDS instance or Aurora cluster was reset through the AWS API, outside the deployment pipeline. Anyone allowed rds:Modify* can take over the database this way without knowing the old password.',
  runbook:
    "Ask the actor why. If unexpected, rotate the password again (or hand it to Secrets Manager), check the database's logins since the change, and review who holds rds:ModifyDBInstance / ModifyDBCluster.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ResetPassword.html',
  tags: ['TA0003:T1098', 'TA0006:T1556'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) => event.eventSource === 'rds.amazonaws.com' && succeeded(event) && !isDeployment(event, settings) && change(event) !== undefined,
  title: (event) => `${actorOf(event)} ${change(event) ?? 'changed the master password of'} ${databaseOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${databaseOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'resetting the master password matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS', applyImmediately: true },
      }),
    },
    {
      name: 'unmanaging the master password matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBCluster',
        requestParameters: { dBClusterIdentifier: 'orders-aurora', manageMasterUserPassword: false, masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      }),
    },
    {
      name: 'the pipeline setting the password does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        userIdentity: assumedRoleIdentity('cdk-hnb659fds-cfn-exec-role', 'AWSCloudFormation'),
        requestParameters: { dBInstanceIdentifier: 'orders-prod', masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      }),
    },
    {
      name: 'a resize does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', dBInstanceClass: 'db.r6g.2xlarge' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        errorCode: 'AccessDenied',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      }),
    },
  ],
});
