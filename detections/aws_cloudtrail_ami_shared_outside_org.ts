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

/** Accounts (or `all`) added to the image's launch permission; organization and OU ARNs stay inside. */
function recipients(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return outsideRecipients(addedEc2Permissions(requestParam(event, 'launchPermission')), event, settings);
}

function share(permissions: Array<Record<string, string>>): Record<string, unknown> {
  return { imageId: 'ami-0abcdef1234567890', attributeType: 'launchPermission', launchPermission: { add: { items: permissions } } };
}

export default defineRule({
  id: 'AWS.CloudTrail.AmiSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An AMI was shared with an account outside the organization, or made public. An image carries the disks of the instance it was made from, often with credentials and data baked in. Shares with the organization or its OUs (by ARN) are not reported.',
  runbook:
    'Find which instance the image was built from and what it contains. Unless the recipient is a known customer or partner, remove the launch permission (`aws ec2 modify-image-attribute --launch-permission "Remove=[…]"`) and turn on "block public access for AMIs" in the region. Assume the recipient may have copied it; rotate credentials that were on the image.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html',
  tags: ['TA0010:T1537'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'ModifyImageAttribute' && succeeded(event) && recipients(event, settings).length > 0,
  title: (event, { settings }) =>
    `${actorOf(event)} shared AMI ${requestText(event, 'imageId') ?? 'unknown'} with ${recipients(event, settings).join(', ')} from ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'imageId') ?? 'unknown image'}`,
  dynamicSeverity: (event, { settings }) => (recipients(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), recipients: recipients(event, settings) }),
  tests: [
    {
      name: 'sharing with an outside account matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'ModifyImageAttribute', requestParameters: share([{ userId: '999988887777' }]) }),
    },
    {
      name: 'making an image public matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'ModifyImageAttribute', requestParameters: share([{ group: 'all' }]) }),
    },
    {
      name: 'sharing with the organization by ARN does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'ModifyImageAttribute',
        requestParameters: share([{ organizationArn: 'arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5' }]),
      }),
    },
    {
      name: 'changing the description does not match',
      expect: false,
      event: cloudTrailWrite({
        eventName: 'ModifyImageAttribute',
        requestParameters: { imageId: 'ami-0abcdef1234567890', description: { value: 'golden image' } },
      }),
    },
  ],
});
