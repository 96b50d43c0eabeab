import { definePolicy } from '../../src/detect/policy';
import { ec2Volume } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.Volume.Unencrypted',
  resourceTypes: ['AWS.EC2.Volume'],
  severity: 'MEDIUM',
  description:
    'The EBS volume is not encrypted. Its data, and every snapshot made from it, can be read by anyone who gets a copy of a snapshot, including through an accidental share.',
  runbook:
    'EBS volumes cannot be encrypted in place: snapshot the volume, copy the snapshot with encryption on, create a volume from it and swap it in during a maintenance window. Turn on EBS encryption by default in every region so new volumes are encrypted.',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  tags: ['TA0009:T1530'],
  policy: (volume) => volume.Encrypted === true,
  title: (volume) => `EBS volume ${volume.Id ?? volume.ResourceId} is not encrypted`,
  tests: [
    { name: 'an encrypted volume complies', expect: true, resource: ec2Volume() },
    { name: 'an unencrypted volume fails', expect: false, resource: ec2Volume({ Encrypted: false, KmsKeyId: null }) },
  ],
});
