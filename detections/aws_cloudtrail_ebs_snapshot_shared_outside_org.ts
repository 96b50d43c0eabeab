import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import {
  accountOf,
  actorOf,
  addedEc2Permissions,
  callContext,
  outsideRecipients,
  requestParam,
  requestText,
  succeeded,
  whereOf,
} from './lib/cloudtrail_fields';

/** Accounts (or `all`) added to the snapshot's create-volume permission. */
function recipients(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return outsideRecipients(addedEc2Permissions(requestParam(event, 'createVolumePermission')), event, settings);
}

function share(permissions: Array<Record<string, string>>): Record<string, unknown> {
  return { snapshotId: 'snap-0123456789abcdef0', attributeType: 'CREATE_VOLUME_PERMISSION', createVolumePermission: { add: { items: permissions } } };
}

export default defineRule({
  id: 'AWS.CloudTrail.EbsSnapshotSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An EBS snapshot was shared with an account outside the organization, or made public. Anyone it is shared with can create a volume from it and read the disk: a quiet way to exfiltrate a whole server.',
  runbook:
    "Find what the snapshot holds (its source volume and instance). Unless the recipient is a known partner, remove the permission at once (`aws ec2 modify-snapshot-attribute --operation-type remove`). Assume the data was copied: the recipient may already have created a volume. Review the actor's other sharing calls (AMIs, RDS snapshots).",
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  tags: ['TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'ModifySnapshotAttribute' && succeeded(event) && recipients(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} shared EBS snapshot ${requestText(event, 'snapshotId') ?? 'unknown'} with ${recipients(event, settings).join(', ')} from ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'snapshotId') ?? 'unknown snapshot'}`,
  dynamicSeverity: (event, { settings }) => (recipients(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), recipients: recipients(event, settings) }),
  tests: [
    {
      name: 'sharing with an outside account matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'ModifySnapshotAttribute', requestParameters: share([{ userId: '444455556666' }]) }),
    },
    {
      name: 'making a snapshot public matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'ModifySnapshotAttribute', requestParameters: share([{ group: 'all' }]) }),
    },
    {
      name: 'sharing with an organization account does not match',
      expect: false,
      settings: { organizationAccountIds: ['123456789012', '111122223333'] },
      event: cloudTrailWrite({ eventName: 'ModifySnapshotAttribute', requestParameters: share([{ userId: '111122223333' }]) }),
    },
    {
      name: 'removing a permission does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'ModifySnapshotAttribute',
        requestParameters: {
          snapshotId: 'snap-0123456789abcdef0',
          attributeType: 'CREATE_VOLUME_PERMISSION',
          createVolumePermission: { remove: { items: [{ userId: '444455556666' }] } },
        },
      }),
    },
  ],
});
