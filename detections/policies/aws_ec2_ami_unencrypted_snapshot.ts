import { definePolicy } from '../../src/detect/policy';
import { ec2Ami } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.AMI.UnencryptedSnapshot',
  resourceTypes: ['AWS.EC2.AMI'],
  severity: 'LOW',
  description:
    'The image is backed by an unencrypted EBS snapshot, so every instance launched from it starts with an unencrypted root disk unless encryption by default is on.',
  runbook: 'Copy the image with encryption enabled (`aws ec2 copy-image --encrypted`), move launch templates to the copy and deregister the old one.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html',
  tags: ['TA0009:T1530'],
  policy: (image) => (image.BlockDeviceMappings ?? []).every((mapping) => mapping.Ebs === null || mapping.Ebs.Encrypted !== false),
  title: (image) => `AMI ${image.Id ?? image.ResourceId} has an unencrypted EBS snapshot`,
  tests: [
    { name: 'an image on encrypted snapshots complies', expect: true, resource: ec2Ami() },
    {
      name: 'an image with an unencrypted root snapshot fails',
      expect: false,
      resource: ec2Ami({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: false, SnapshotId: 'snap-0bbb' } }] }),
    },
  ],
});
