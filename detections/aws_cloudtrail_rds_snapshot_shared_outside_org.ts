import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { strings } from './lib/fields';
import { accountOf, actorOf, callContext, outsideRecipients, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const SHARE_CALLS = new Set(['ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute']);

/** Only the `restore` attribute shares a snapshot; its values are account ids or `all`. */
function recipients(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  if (requestText(event, 'attributeName') !== 'restore') return [];
  return outsideRecipients(strings(requestParam(event, 'valuesToAdd')), event, settings);
}

function snapshotOf(event: CloudTrailEvent): string {
  return requestText(event, 'dBSnapshotIdentifier') ?? requestText(event, 'dBClusterSnapshotIdentifier') ?? 'unknown snapshot';
}

export default defineRule({
  id: 'AWS.CloudTrail.RdsSnapshotSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'An RDS or Aurora snapshot was shared with an account outside the organization, or made public: the recipient can restore the whole database.',
  runbook:
    "Remove the share at once (`aws rds modify-db-snapshot-attribute --attribute-name restore --values-to-remove …`). Treat the database contents as exposed: work out what it holds, whether the recipient already restored or copied it, and whether notification duties apply. Review the actor's other sharing calls.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  tags: ['TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'rds.amazonaws.com' && SHARE_CALLS.has(event.eventName ?? '') && succeeded(event) && recipients(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} shared RDS snapshot ${snapshotOf(event)} with ${recipients(event, settings).join(', ')} from ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${snapshotOf(event)}`,
  dynamicSeverity: (event, { settings }) => (recipients(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), recipients: recipients(event, settings) }),
  tests: [
    {
      name: 'sharing a DB snapshot with an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBSnapshotAttribute',
        requestParameters: { dBSnapshotIdentifier: 'prod-orders-2026-11-22', attributeName: 'restore', valuesToAdd: ['444455556666'] },
      }),
    },
    {
      name: 'making a cluster snapshot public matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBClusterSnapshotAttribute',
        requestParameters: { dBClusterSnapshotIdentifier: 'aurora-prod-final', attributeName: 'restore', valuesToAdd: ['all'] },
      }),
    },
    {
      name: 'sharing with an organization account does not match',
      expect: false,
      settings: { organizationAccountIds: ['123456789012', '111122223333'] },
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBSnapshotAttribute',
        requestParameters: { dBSnapshotIdentifier: 'prod-orders', attributeName: 'restore', valuesToAdd: ['111122223333'] },
      }),
    },
    {
      name: 'removing a share does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'ModifyDBSnapshotAttribute',
        requestParameters: { dBSnapshotIdentifier: 'prod-orders', attributeName: 'restore', valuesToRemove: ['444455556666'] },
      }),
    },
  ],
});
