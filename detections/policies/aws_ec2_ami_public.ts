import { definePolicy } from '../../src/detect/policy';
import { ec2Ami } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.AMI.Public',
  resourceTypes: ['AWS.EC2.AMI'],
  severity: 'HIGH',
  description: 'The image is public: any AWS account can launch it and read its disks. Images made from real servers carry configuration, keys and data.',
  runbook:
    'Make it private (EC2 → AMIs → the image → Edit AMI permissions → Private). If it was meant to be shared, share it with specific accounts instead. Rotate any secret that was baked into it, and turn on block public access for AMIs.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html',
  tags: ['TA0010:T1537'],
  policy: (image) => image.Public !== true,
  title: (image) => `AMI ${image.Id ?? image.ResourceId}${image.Name ? ` (${image.Name})` : ''} is public`,
  tests: [
    { name: 'a private image complies', expect: true, resource: ec2Ami() },
    { name: 'a public image fails', expect: false, resource: ec2Ami({ Public: true }) },
  ],
});
