import { definePolicy } from '../../src/detect/policy';
import { ec2AccountSettings } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.AccountSettings.ImagePublicSharingAllowed',
  resourceTypes: ['AWS.EC2.AccountSettings'],
  severity: 'LOW',
  description: 'Block public access for AMIs is off in this region, so an image (with everything on its disks) can be made public in one call.',
  runbook:
    'Turn it on: EC2 → Settings → Data protection and security → Block public access for AMIs (`aws ec2 enable-image-block-public-access --image-block-public-access-state block-new-sharing`).',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html',
  tags: ['TA0010:T1537'],
  policy: (settings) => settings.ImageBlockPublicAccessState === 'block-new-sharing',
  title: (settings) => `Public sharing of AMIs is not blocked in ${settings.Region} for account ${settings.AccountId}`,
  tests: [
    { name: 'a region blocking image sharing complies', expect: true, resource: ec2AccountSettings() },
    { name: 'an unblocked region fails', expect: false, resource: ec2AccountSettings({ ImageBlockPublicAccessState: 'unblocked' }) },
  ],
});
