import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.MultiRegionDisabled',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'The trail records only its home region. An attacker working in another region (a favourite trick: launch instances where nobody looks) leaves no trace in it.',
  runbook:
    'Make the trail multi-region (CloudTrail → Trails → the trail → General details → Edit → "Enable for all accounts/regions"), or confirm another multi-region trail covers the account and delete this one to save cost.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  tags: ['TA0005:T1562.008', 'TA0005:T1535'],
  policy: (trail) => trail.IsMultiRegionTrail === true,
  title: (trail) => `CloudTrail trail ${trail.Name} in account ${trail.AccountId} records only ${trail.HomeRegion ?? trail.Region}`,
  tests: [
    { name: 'a multi-region trail complies', expect: true, resource: cloudTrailTrail() },
    { name: 'a single-region trail fails', expect: false, resource: cloudTrailTrail({ IsMultiRegionTrail: false }) },
  ],
});
