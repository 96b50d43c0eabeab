import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.LoggingStopped',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'The trail exists but is not logging: someone called StopLogging, or it was created stopped. API activity in its scope is not being recorded.',
  runbook:
    'Start logging again (CloudTrail → Trails → the trail → Start logging), then find who stopped it: search CloudTrail (other trails, or Event history) for StopLogging on this trail. An unexplained stop is an incident: review what that principal did before and after.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html',
  tags: ['TA0005:T1562.008'],
  policy: (trail) => trail.Status?.IsLogging === true,
  title: (trail) => `CloudTrail trail ${trail.Name} in account ${trail.AccountId} is not logging`,
  tests: [
    { name: 'a logging trail complies', expect: true, resource: cloudTrailTrail() },
    {
      name: 'a stopped trail fails',
      expect: false,
      resource: cloudTrailTrail({ Status: { IsLogging: false, LatestDeliveryTime: null, LatestDeliveryError: null } }),
    },
  ],
});
