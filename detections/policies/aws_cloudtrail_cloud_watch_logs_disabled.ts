import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.CloudWatchLogsDisabled',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'The trail does not send events to CloudWatch Logs, so no metric filter or alarm can watch it in real time (CIS 3.4). Prowl reads trails from S3 or EventBridge, but other tooling may rely on this.',
  runbook:
    'If your alarms live in CloudWatch, set a log group and role on the trail (CloudTrail → the trail → CloudWatch Logs → Edit). Otherwise exempt the trail with ignoreResources.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  tags: ['TA0005:T1562.008'],
  policy: (trail) => Boolean(trail.CloudWatchLogsLogGroupArn),
  title: (trail) => `CloudTrail trail ${trail.Name ?? trail.ResourceId} does not deliver to CloudWatch Logs`,
  tests: [
    {
      name: 'a trail delivering to CloudWatch Logs complies',
      expect: true,
      resource: cloudTrailTrail({ CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:trail:*' }),
    },
    { name: 'a trail without a log group fails', expect: false, resource: cloudTrailTrail() },
  ],
});
