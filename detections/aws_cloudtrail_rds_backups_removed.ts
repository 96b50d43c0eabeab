import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue, text } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** What the call throws away, or undefined when it keeps the backups. */
function removal(event: CloudTrailEvent): string | undefined {
  switch (event.eventName) {
    case 'DeleteDBSnapshot':
    case 'DeleteDBClusterSnapshot':
      return 'deleted a snapshot of';
    case 'DeleteDBInstanceAutomatedBackup':
    case 'DeleteDBClusterAutomatedBackup':
      return 'deleted the retained automated backups of';
    case 'ModifyDBInstance':
    case 'ModifyDBCluster':
      return text(requestParam(event, 'backupRetentionPeriod')) === '0' ? 'turned off automated backups for' : undefined;
    case 'DeleteDBInstance':
    case 'DeleteDBCluster':
      return isTrue(requestParam(event, 'skipFinalSnapshot')) ? 'deleted, without a final snapshot,' : undefined;
    default:
      return undefined;
  }
}

function databaseOf(event: CloudTrailEvent): string {
  return (
    requestText(event, 'dBSnapshotIdentifier') ??
    requestText(event, 'dBClusterSnapshotIdentifier') ??
    requestText(event, 'dBInstanceIdentifier') ??
    requestText(event, 'dBClusterIdentifier') ??
    requestText(event, 'dbiResourceId') ??
    requestText(event, 'dbClusterResourceId') ??
    'unknown database'
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsBackupsRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'RDS recovery points were destroyed outside the deployment pipeline: a manual or cluster snapshot deleted, retained automated backups deleted, automated backups switched off (retention 0), or a database deleted without a final snapshot. Destroying recovery comes before (or with) destroying the data.',
  runbook:
    'Ask the actor whether it was planned. If not, stop them (revoke sessions), check what recovery points remain (snapshots, AWS Backup recovery points, cross-region copies) and restore backup retention at once. Quiet routine clean-up by listing its roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  tags: ['TA0040:T1490', 'TA0040:T1485'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'rds.amazonaws.com' && succeeded(event) && !isAwsServiceCall(event) && !isDeployment(event, settings) && removal(event) !== undefined,
  title: (event) => `${actorOf(event)} ${removal(event) ?? 'removed backups of'} ${databaseOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  dynamicSeverity: (event) =>
    (event.eventName ?? '').startsWith('Delete') && event.eventName !== 'DeleteDBSnapshot' && event.eventName !== 'DeleteDBClusterSnapshot' ? 'HIGH' : 'MEDIUM',
  alertContext: callContext,
  tests: [
    {
      name: 'deleting a manual snapshot matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBSnapshot',
        requestParameters: { dBSnapshotIdentifier: 'orders-prod-before-migration' },
      }),
    },
    {
      name: 'deleting a database without a final snapshot matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', skipFinalSnapshot: true, deleteAutomatedBackups: true },
      }),
    },
    {
      name: 'setting backup retention to zero matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', backupRetentionPeriod: 0 },
      }),
    },
    {
      name: 'deleting a database with a final snapshot does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-old', skipFinalSnapshot: false, finalDBSnapshotIdentifier: 'orders-old-final' },
      }),
    },
    {
      name: 'AWS Backup expiring a snapshot does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBSnapshot',
        userIdentity: { ...assumedRoleIdentity('AWSBackupDefaultServiceRole', 'AWSBackup-AWSBackupDefaultServiceRole'), invokedBy: 'backup.amazonaws.com' },
        requestParameters: { dBSnapshotIdentifier: 'awsbackup:job-1234' },
      }),
    },
    {
      name: 'a snapshot expired by RDS does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBSnapshot',
        userIdentity: awsServiceIdentity('rds.amazonaws.com'),
        requestParameters: { dBSnapshotIdentifier: 'rds:orders-prod-2026-11-01' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'DeleteDBSnapshot',
        errorCode: 'AccessDenied',
        requestParameters: { dBSnapshotIdentifier: 'orders-prod-before-migration' },
      }),
    },
  ],
});
