import { definePolicy } from '../../src/detect/policy';
import { cloudWatchLogGroup } from '../../src/scan/test-resources';

const MIN_RETENTION_DAYS = 90;

export default definePolicy({
  id: 'AWS.CloudWatch.LogGroup.RetentionTooShort',
  resourceTypes: ['AWS.CloudWatch.LogGroup'],
  severity: 'LOW',
  description:
    'The log group keeps events for less than 90 days. Intrusions are typically found weeks or months later; by then the logs that would explain them are gone.',
  runbook:
    'Set the retention to at least 90 days, or a year for security-relevant logs (CloudWatch → Log groups → the group → Edit retention). "Never expire" also complies.',
  reference: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  tags: ['TA0005:T1070'],
  policy: (group) => group.RetentionInDays === null || group.RetentionInDays >= MIN_RETENTION_DAYS,
  title: (group) => `CloudWatch log group ${group.Name ?? group.ResourceId} keeps events only ${group.RetentionInDays ?? 0} days`,
  tests: [
    { name: 'a group keeping a year complies', expect: true, resource: cloudWatchLogGroup() },
    { name: 'a group keeping a week fails', expect: false, resource: cloudWatchLogGroup({ RetentionInDays: 7 }) },
    { name: 'a group that never expires complies', expect: true, resource: cloudWatchLogGroup({ RetentionInDays: null }) },
  ],
});
