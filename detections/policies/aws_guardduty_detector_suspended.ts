import { definePolicy } from '../../src/detect/policy';
import { guardDutyDetector } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.GuardDuty.Detector.Suspended',
  resourceTypes: ['AWS.GuardDuty.Detector'],
  severity: 'HIGH',
  description: 'The GuardDuty detector exists but is suspended: it produces no findings. Suspending GuardDuty is a classic first step of an intruder.',
  runbook: 'Re-enable it (GuardDuty → Settings → Suspend/Resume), then find who suspended it (CloudTrail UpdateDetector) and why.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html',
  tags: ['TA0005:T1562.001'],
  policy: (detector) => detector.Status === 'ENABLED',
  title: (detector) => `GuardDuty detector ${detector.Id ?? detector.ResourceId} in ${detector.Region} is ${detector.Status ?? 'not enabled'}`,
  tests: [
    { name: 'an enabled detector complies', expect: true, resource: guardDutyDetector() },
    { name: 'a disabled detector fails', expect: false, resource: guardDutyDetector({ Status: 'DISABLED' }) },
  ],
});
