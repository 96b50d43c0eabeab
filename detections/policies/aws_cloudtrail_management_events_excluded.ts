import { definePolicy } from '../../src/detect/policy';
import { cloudTrailTrail } from '../../src/scan/test-resources';
import { dig } from '../lib/fields';

export default definePolicy({
  id: 'AWS.CloudTrail.ManagementEventsExcluded',
  resourceTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "The trail's event selectors leave out management events, or record only reads or only writes. Control-plane changes (IAM, security groups, the trail itself) are then missing from it.",
  runbook:
    "Edit the trail's event selectors to include management events with read/write type All (CloudTrail → the trail → Management events). Data events can stay selective.",
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html',
  tags: ['TA0005:T1562.008'],
  policy: (trail) =>
    trail.EventSelectors === null ||
    trail.EventSelectors.some((selector) => dig(selector, 'IncludeManagementEvents') !== false && (dig(selector, 'ReadWriteType') ?? 'All') === 'All'),
  title: (trail) => `CloudTrail trail ${trail.Name ?? trail.ResourceId} does not record all management events`,
  tests: [
    { name: 'a trail recording all management events complies', expect: true, resource: cloudTrailTrail() },
    {
      name: 'a trail excluding management events fails',
      expect: false,
      resource: cloudTrailTrail({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [] }] }),
    },
    {
      name: 'a trail recording only writes fails',
      expect: false,
      resource: cloudTrailTrail({ EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [] }] }),
    },
  ],
});
