import { definePolicy } from '../../src/detect/policy';
import { guardDutyMeta } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.GuardDuty.Detector.Meta.NoDetector',
  resourceTypes: ['AWS.GuardDuty.Detector.Meta'],
  severity: 'HIGH',
  description:
    'GuardDuty has no detector in this region, so nothing watches it for compromised credentials, crypto-mining or calls from known-bad addresses. Attackers favour regions where it is off.',
  runbook: "Enable GuardDuty in every region, ideally from the organization's delegated administrator with auto-enable for new accounts.",
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  tags: ['TA0005:T1562.001'],
  policy: (meta) => (meta.Detectors ?? []).length > 0,
  title: (meta) => `GuardDuty is not enabled in ${meta.Region} for account ${meta.AccountId}`,
  tests: [
    { name: 'a region with a detector complies', expect: true, resource: guardDutyMeta() },
    { name: 'a region without detectors fails', expect: false, resource: guardDutyMeta({ Detectors: [] }) },
  ],
});
