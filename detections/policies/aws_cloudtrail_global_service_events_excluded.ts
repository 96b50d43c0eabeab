import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';

export default definePolicy({
  id: 'AWS.CloudTrail.GlobalServiceEventsExcluded',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description: 'The multi-region trail excludes global service events, so IAM, STS and CloudFront API calls (logged in us-east-1) are missing from it.',
  runbook: 'Turn on global service events for the trail: `aws cloudtrail update-trail --name <trail> --include-global-service-events`.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events',
  tags: ['TA0005:T1562.008'],
  policy: (trail) => trail.IsMultiRegionTrail !== true || trail.IncludeGlobalServiceEvents === true,
  title: (trail) => `CloudTrail trail ${trail.Name ?? trail.ResourceId} excludes global service events (IAM, STS)`,
  tests: [
    { name: 'a trail with global events complies', expect: true, resource: cloudTrailTrail() },
    { name: 'a multi-region trail without them fails', expect: false, resource: cloudTrailTrail({ IncludeGlobalServiceEvents: false }) },
  ],
});
