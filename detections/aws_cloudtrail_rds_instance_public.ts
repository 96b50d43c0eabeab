import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Every call that can give an instance a public endpoint; restores are how a snapshot is brought up where it can be reached. */
const INSTANCE_CALLS = new Set([
  'CreateDBInstance',
  'ModifyDBInstance',
  'CreateDBInstanceReadReplica',
  'RestoreDBInstanceFromDBSnapshot',
  'RestoreDBInstanceToPointInTime',
  'RestoreDBInstanceFromS3',
]);

function instanceOf(event: CloudTrailEvent): string {
  return requestText(event, 'dBInstanceIdentifier') ?? requestText(event, 'targetDBInstanceIdentifier') ?? 'unknown instance';
}

function isRestore(event: CloudTrailEvent): boolean {
  return (event.eventName ?? '').startsWith('Restore');
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsInstancePublic',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An RDS instance was created, modified or restored with a publicly accessible endpoint. With a permissive security group the database answers the whole internet; a public restore of a snapshot is a known way to get a copy of production data somewhere it can be reached.',
  runbook:
    "Set PubliclyAccessible to false (`aws rds modify-db-instance --no-publicly-accessible --apply-immediately`) unless it is meant to be public, and check the instance's security groups. For a restore, ask who needs the copy and delete it if nobody does; review connections to it (database logs) since it came up.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  tags: ['TA0010:T1537', 'TA0009:T1530'],
  rule: (event) =>
    event.eventSource === 'rds.amazonaws.com' &&
    INSTANCE_CALLS.has(event.eventName ?? '') &&
    isTrue(requestParam(event, 'publiclyAccessible')) &&
    succeeded(event),
  title: (event) =>
    `${actorOf(event)} ${isRestore(event) ? 'restored' : event.eventName === 'ModifyDBInstance' ? 'made' : 'created'} RDS instance ${instanceOf(event)} ${isRestore(event) ? 'as a public instance' : 'publicly accessible'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${instanceOf(event)}`,
  dynamicSeverity: (event) => (isRestore(event) ? 'CRITICAL' : 'HIGH'),
  alertContext: callContext,
  tests: [
    {
      name: 'making an instance public matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', publiclyAccessible: true, applyImmediately: true },
      }),
    },
    {
      name: 'a public restore of a snapshot matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'RestoreDBInstanceFromDBSnapshot',
        requestParameters: { dBInstanceIdentifier: 'orders-copy', dBSnapshotIdentifier: 'orders-prod-2026-11-21', publiclyAccessible: true },
      }),
    },
    {
      name: 'a private instance does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'CreateDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-dev', engine: 'postgres', publiclyAccessible: false },
      }),
    },
    {
      name: 'a change without the flag does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', dBInstanceClass: 'db.r6g.xlarge' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        errorCode: 'AccessDenied',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', publiclyAccessible: true },
      }),
    },
  ],
});
