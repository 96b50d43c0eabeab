import { definePolicy } from '../../src/detect/policy';
import { cloudTrailMeta } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.Meta.NoValidatedMultiRegionTrail',
  resourceTypes: ['AWS.CloudTrail.Meta'],
  severity: 'HIGH',
  description:
    'No multi-region trail with log file validation is logging for this region. API activity here may go unrecorded, or be recorded where it can be edited unnoticed (CIS 3.1, 3.2).',
  runbook:
    'Create (or fix) one multi-region trail, ideally an organization trail, with log file validation on, delivering to a locked-down bucket, and make sure it is logging.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html',
  tags: ['TA0005:T1562.008'],
  policy: (meta) =>
    (meta.TrailSummaries ?? []).some((trail) => trail.IsMultiRegionTrail === true && trail.LogFileValidationEnabled === true && trail.IsLogging === true),
  title: (meta) => `No validated multi-region CloudTrail trail is logging in ${meta.Region} for account ${meta.AccountId}`,
  tests: [
    { name: 'a region covered by a logging, validated organization trail complies', expect: true, resource: cloudTrailMeta() },
    { name: 'a region without trails fails', expect: false, resource: cloudTrailMeta({ Trails: [], TrailSummaries: [] }) },
    {
      name: 'a region whose only trail is stopped fails',
      expect: false,
      resource: cloudTrailMeta({
        TrailSummaries: [
          { TrailARN: 'arn:aws:cloudtrail:us-east-1:123456789012:trail/t', IsMultiRegionTrail: true, LogFileValidationEnabled: true, IsLogging: false },
        ],
      }),
    },
  ],
});
