import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

/** AWS Backup vaults (`policy`) and S3 Glacier vaults (`policy.policy`) both take a resource policy. */
function policyOf(event: CloudTrailEvent): unknown {
  if (event.eventSource === 'backup.amazonaws.com' && event.eventName === 'PutBackupVaultAccessPolicy') return requestParam(event, 'policy');
  if (event.eventSource === 'glacier.amazonaws.com' && event.eventName === 'SetVaultAccessPolicy') return requestParam(event, 'policy', 'policy');
  return undefined;
}

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return resourcePolicyOutsiders(policyOf(event), event, settings);
}

function vaultOf(event: CloudTrailEvent): string {
  return requestText(event, 'backupVaultName') ?? requestText(event, 'vaultName') ?? 'unknown vault';
}

function policy(principal: unknown, action: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, Resource: '*' }] });
}

export default defineRule({
  id: 'AWS.CloudTrail.BackupVaultSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An AWS Backup vault or S3 Glacier vault access policy now lets everyone, or an account outside the organization, act on it: copying recovery points out, or deleting the backups you would restore from.',
  runbook:
    "Restore the previous vault policy, then list the vault's recovery points or archives and compare with what backups should exist. Check for copy or delete jobs started by other accounts since the change, and ask the actor why the policy was set.",
  reference: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html',
  tags: ['TA0010:T1537', 'TA0040:T1490'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} opened vault ${vaultOf(event)} to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${vaultOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a backup vault copyable by an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'backup.amazonaws.com',
        eventName: 'PutBackupVaultAccessPolicy',
        requestParameters: { backupVaultName: 'prod-vault', policy: policy({ AWS: 'arn:aws:iam::444455556666:root' }, 'backup:CopyIntoBackupVault') },
      }),
    },
    {
      name: 'a Glacier vault readable by everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'glacier.amazonaws.com',
        eventName: 'SetVaultAccessPolicy',
        requestParameters: { accountId: '-', vaultName: 'audit-archive', policy: { policy: policy('*', 'glacier:InitiateJob') } },
      }),
    },
    {
      name: 'a vault policy denying deletes to everyone does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'backup.amazonaws.com',
        eventName: 'PutBackupVaultAccessPolicy',
        requestParameters: {
          backupVaultName: 'prod-vault',
          policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 'backup:DeleteRecoveryPoint', Resource: '*' }] }),
        },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'backup.amazonaws.com',
        eventName: 'PutBackupVaultAccessPolicy',
        errorCode: 'AccessDeniedException',
        requestParameters: { backupVaultName: 'prod-vault', policy: policy('*', 'backup:*') },
      }),
    },
  ],
});
