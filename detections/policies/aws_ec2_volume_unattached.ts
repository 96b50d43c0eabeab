import { definePolicy } from '../../src/detect/policy';
import { ec2Volume } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.Volume.Unattached',
  resourceTypes: ['AWS.EC2.Volume'],
  severity: 'INFO',
  description: 'The EBS volume is attached to nothing. Forgotten volumes keep old data (and cost) long after the instance that used them is gone.',
  runbook: 'Find out whose it was (tags, CloudTrail DetachVolume), snapshot it if the data may be needed, then delete it.',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-deleting-volume.html',
  tags: ['TA0009:T1530'],
  policy: (volume) => volume.State !== 'available',
  title: (volume) => `EBS volume ${volume.Id ?? volume.ResourceId} is not attached to any instance`,
  tests: [
    { name: 'an attached volume complies', expect: true, resource: ec2Volume() },
    { name: 'a detached volume fails', expect: false, resource: ec2Volume({ State: 'available', Attachments: [] }) },
  ],
});
