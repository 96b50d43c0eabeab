import { definePolicy } from '../../src/detect/policy';
import { ec2AccountSettings } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.EC2.AccountSettings.EBSDefaultEncryptionDisabled',
  resourceTypes: ['AWS.EC2.AccountSettings'],
  severity: 'MEDIUM',
  description:
    'EBS encryption by default is off in this region, so every volume and snapshot copy created here without an explicit encryption flag is stored unencrypted.',
  runbook:
    'Turn it on per region: EC2 → Settings → EBS encryption → Always encrypt new EBS volumes (or `aws ec2 enable-ebs-encryption-by-default`). Existing volumes are not changed; see AWS.EC2.Volume.Unencrypted for those.',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  tags: ['TA0009:T1530'],
  policy: (settings) => settings.EbsEncryptionByDefault === true,
  title: (settings) => `EBS encryption by default is off in ${settings.Region} for account ${settings.AccountId}`,
  tests: [
    { name: 'a region encrypting by default complies', expect: true, resource: ec2AccountSettings() },
    { name: 'a region without default encryption fails', expect: false, resource: ec2AccountSettings({ EbsEncryptionByDefault: false }) },
  ],
});
