import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, succeeded, whereOf } from './lib/cloudtrail_fields';

const DISABLING = new Map([
  ['DisableImageBlockPublicAccess', 'AMIs'],
  ['DisableSnapshotBlockPublicAccess', 'EBS snapshots'],
]);

export default defineRule({
  id: 'AWS.CloudTrail.Ec2BlockPublicAccessDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Block public access for AMIs or EBS snapshots was turned off in a region. That account-level guard is what stops an image or snapshot from being made public; turning it off is the step before sharing a disk with the world.',
  runbook:
    'Turn the block back on (`aws ec2 enable-image-block-public-access` / `enable-snapshot-block-public-access --state block-all-sharing`) and ask the actor why. Check for AMIs or snapshots made public since (AWS.CloudTrail.AmiSharedOutsideOrg, EbsSnapshotSharedOutsideOrg).',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  tags: ['TA0005:T1562.001', 'TA0010:T1537'],
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && DISABLING.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} turned off block public access for ${DISABLING.get(event.eventName ?? '') ?? 'EC2'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${event.eventName}`,
  alertContext: callContext,
  tests: [
    {
      name: 'disabling snapshot block public access matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'DisableSnapshotBlockPublicAccess', requestParameters: {} }),
    },
    {
      name: 'disabling image block public access matches',
      expect: true,
      event: cloudTrailWrite({ eventName: 'DisableImageBlockPublicAccess', requestParameters: {} }),
    },
    {
      name: 'enabling it does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'EnableSnapshotBlockPublicAccess', requestParameters: { state: 'block-all-sharing' } }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'DisableImageBlockPublicAccess', errorCode: 'Client.UnauthorizedOperation', requestParameters: {} }),
    },
  ],
});
