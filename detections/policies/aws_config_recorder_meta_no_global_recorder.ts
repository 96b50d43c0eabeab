import { definePolicy } from '../../src/detect/policy';
import { configMeta } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.Config.Recorder.Meta.NoGlobalRecorder',
  resourceTypes: ['AWS.Config.Recorder.Meta'],
  severity: 'MEDIUM',
  description:
    'AWS Config has no recorder in this region, or none in the account records global resources (IAM). Configuration history, needed to answer "what changed and when", is missing.',
  runbook: 'Set up a recorder in every region recording all supported resources, with global resources included in one home region (Config → Settings).',
  reference: 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
  tags: ['TA0005:T1562.008'],
  policy: (meta) => (meta.Recorders ?? []).length > 0 && (meta.GlobalRecorderCount ?? 0) > 0,
  title: (meta) =>
    `AWS Config ${(meta.Recorders ?? []).length === 0 ? 'has no recorder' : 'records no global resources'} in ${meta.Region} for account ${meta.AccountId}`,
  tests: [
    { name: 'a region recording with global resources complies', expect: true, resource: configMeta() },
    { name: 'a region without recorders fails', expect: false, resource: configMeta({ Recorders: [], GlobalRecorderCount: 0 }) },
    { name: 'recorders without a global one fail', expect: false, resource: configMeta({ GlobalRecorderCount: 0 }) },
  ],
});
