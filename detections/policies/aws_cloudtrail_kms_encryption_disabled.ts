import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.KMSEncryptionDisabled',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "The trail's log files are encrypted with S3-managed keys rather than a KMS key, so anyone who can read the log bucket can read the account's full API history, including resource names and request parameters.",
  runbook:
    'Create (or reuse) a customer-managed KMS key whose policy lets CloudTrail encrypt and only the log readers decrypt, and set it on the trail (CloudTrail → Trails → the trail → Edit → Log file SSE-KMS encryption).',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  tags: ['TA0009:T1530'],
  policy: (trail) => Boolean(trail.KmsKeyId),
  title: (trail) => `CloudTrail trail ${trail.Name} in account ${trail.AccountId} does not encrypt logs with KMS`,
  tests: [
    { name: 'a trail encrypted with a KMS key complies', expect: true, resource: cloudTrailTrail() },
    { name: 'a trail without a KMS key fails', expect: false, resource: cloudTrailTrail({ KmsKeyId: null }) },
  ],
});
