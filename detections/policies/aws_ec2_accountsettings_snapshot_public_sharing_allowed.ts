import { definePolicy } from '../../src/detect/policy';
import { ec2AccountSettings } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.AccountSettings.SnapshotPublicSharingAllowed',
  resourceTypes: ['AWS.EC2.AccountSettings'],
  severity: 'MEDIUM',
  description:
    'Block public access for EBS snapshots is off in this region, so one API call (or console click) can make a snapshot, and the disk it copies, public.',
  runbook:
    'Turn it on: EC2 → Settings → Data protection and security → Block public access for EBS snapshots → Block all public sharing (`aws ec2 enable-snapshot-block-public-access --state block-all-sharing`).',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html',
  tags: ['TA0010:T1537'],
  policy: (settings) => settings.SnapshotBlockPublicAccessState === 'block-all-sharing' || settings.SnapshotBlockPublicAccessState === 'block-new-sharing',
  title: (settings) => `Public sharing of EBS snapshots is not blocked in ${settings.Region} for account ${settings.AccountId}`,
  tests: [
    { name: 'a region blocking snapshot sharing complies', expect: true, resource: ec2AccountSettings() },
    { name: 'an unblocked region fails', expect: false, resource: ec2AccountSettings({ SnapshotBlockPublicAccessState: 'unblocked' }) },
  ],
});
