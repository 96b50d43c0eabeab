import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isExplicitFalse } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const MODIFY_CALLS = new Set(['ModifyDBInstance', 'ModifyDBCluster']);

function databaseOf(event: CloudTrailEvent): string {
  return requestText(event, 'dBInstanceIdentifier') ?? requestText(event, 'dBClusterIdentifier') ?? 'unknown database';
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsDeletionProtectionDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Deletion protection was turned off on an RDS instance or Aurora cluster, the step that must come before the database can be deleted. Destructive attacks on databases start here.',
  runbook:
    'Ask the actor whether a deletion is planned. If not, turn protection back on (`--deletion-protection`) and check for a DeleteDBInstance / DeleteDBCluster that followed; make sure a recent snapshot exists.',
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection',
  tags: ['TA0040:T1485'],
  rule: (event) =>
    event.eventSource === 'rds.amazonaws.com' &&
    MODIFY_CALLS.has(event.eventName ?? '') &&
    isExplicitFalse(requestParam(event, 'deletionProtection')) &&
    succeeded(event),
  title: (event) => `${actorOf(event)} turned off deletion protection on ${databaseOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${databaseOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'turning protection off on a cluster matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBCluster',
        requestParameters: { dBClusterIdentifier: 'orders-aurora', deletionProtection: false, applyImmediately: true },
      }),
    },
    {
      name: 'turning protection on does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', deletionProtection: true },
      }),
    },
    {
      name: 'a modification without the flag does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBInstance',
        requestParameters: { dBInstanceIdentifier: 'orders-prod', allocatedStorage: 500 },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBCluster',
        errorCode: 'AccessDenied',
        requestParameters: { dBClusterIdentifier: 'orders-aurora', deletionProtection: false },
      }),
    },
  ],
});
