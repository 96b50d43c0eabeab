import { definePolicy } from '../../src/detect/policy';
import { cloudWatchLogGroup } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudWatch.LogGroup.KMSEncryptionDisabled',
  resourceTypes: ['AWS.CloudWatch.LogGroup'],
  severity: 'INFO',
  description:
    "The log group is encrypted with CloudWatch's own key rather than a KMS key the account controls, so reading it cannot be restricted or audited through a key policy.",
  runbook: 'Associate a customer-managed KMS key with the group (`aws logs associate-kms-key`), after allowing logs.<region>.amazonaws.com in the key policy.',
  reference: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  tags: ['TA0009:T1530'],
  policy: (group) => Boolean(group.KmsKeyId),
  title: (group) => `CloudWatch log group ${group.Name ?? group.ResourceId} is not encrypted with a KMS key`,
  tests: [
    { name: 'a group with a KMS key complies', expect: true, resource: cloudWatchLogGroup() },
    { name: 'a group without one fails', expect: false, resource: cloudWatchLogGroup({ KmsKeyId: null }) },
  ],
});
