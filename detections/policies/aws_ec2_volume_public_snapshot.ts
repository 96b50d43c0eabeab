import { definePolicy } from '../../src/detect/policy';
import { ec2Volume } from '../../src/scan/test-resources';
import type { Ec2Volume } from '../../src/scan/resources/ec2-volume';

/** Snapshot ids anyone may create a volume from (createVolumePermission Group "all"). */
function publicSnapshots(volume: Ec2Volume): string[] {
  return (volume.Snapshots ?? [])
    .filter((snapshot) => (snapshot.CreateVolumePermissions ?? []).some((permission) => permission.Group === 'all'))
    .map((snapshot) => snapshot.SnapshotId ?? '?');
}

export default definePolicy({
  id: 'AWS.EC2.Volume.PublicSnapshot',
  resourceTypes: ['AWS.EC2.Volume'],
  severity: 'CRITICAL',
  description:
    'A snapshot of the volume is shared publicly: any AWS account can create a volume from it and read everything on the disk, secrets and customer data included. Public snapshots are scraped continuously.',
  runbook:
    'Make the snapshot private at once (EC2 → Snapshots → the snapshot → Modify permissions → Private), then treat its contents as exposed: rotate any credentials or keys it held and review who created it (CloudTrail ModifySnapshotAttribute). Turn on block public access for snapshots in every region.',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  tags: ['TA0010:T1537'],
  policy: (volume) => publicSnapshots(volume).length === 0,
  title: (volume) => `EBS volume ${volume.Id ?? volume.ResourceId} has public snapshot(s) ${publicSnapshots(volume).join(', ')}`,
  tests: [
    { name: 'a volume with private snapshots complies', expect: true, resource: ec2Volume() },
    {
      name: 'a volume with a snapshot shared with everyone fails',
      expect: false,
      resource: ec2Volume({ Snapshots: [{ SnapshotId: 'snap-0aaa', Encrypted: false, CreateVolumePermissions: [{ Group: 'all', UserId: null }] }] }),
    },
    {
      name: 'a snapshot shared with one account is left to cross-account review',
      expect: true,
      resource: ec2Volume({ Snapshots: [{ SnapshotId: 'snap-0aaa', Encrypted: true, CreateVolumePermissions: [{ Group: null, UserId: '210987654321' }] }] }),
    },
  ],
});
