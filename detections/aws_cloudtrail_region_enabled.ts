import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

function regionOf(event: CloudTrailEvent): string {
  return requestText(event, 'RegionName') ?? requestText(event, 'regionName') ?? 'unknown region';
}

export default defineRule({
  id: 'AWS.CloudTrail.RegionEnabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An opt-in AWS region was enabled for an account. Opt-in regions are off by default, so turning one on is rare; attackers do it to run resources where nobody has set up logging or monitoring. A region outside detections.approvedRegions (every region while that is empty) is high severity.',
  runbook:
    'Ask the actor why the region is needed. If it is not, disable it again (`aws account disable-region`) and check it for resources created since (EC2 instances, Lambda functions, IAM activity from that region).',
  reference: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html',
  tags: ['TA0005:T1535'],
  rule: (event) => event.eventSource === 'account.amazonaws.com' && event.eventName === 'EnableRegion' && succeeded(event),
  title: (event) => `${actorOf(event)} enabled region ${regionOf(event)} for ${requestText(event, 'AccountId') ?? accountOf(event)}`,
  dedup: (event) => `${requestText(event, 'AccountId') ?? accountOf(event)}:${regionOf(event)}`,
  dynamicSeverity: (event, { settings }) => (settings.approvedRegions.includes(regionOf(event)) ? 'LOW' : 'HIGH'),
  alertContext: callContext,
  tests: [
    {
      name: 'enabling an unapproved region matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'account.amazonaws.com', eventName: 'EnableRegion', requestParameters: { RegionName: 'me-central-1' } }),
    },
    {
      name: 'disabling a region does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'account.amazonaws.com', eventName: 'DisableRegion', requestParameters: { RegionName: 'me-central-1' } }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'account.amazonaws.com',
        eventName: 'EnableRegion',
        errorCode: 'AccessDeniedException',
        requestParameters: { RegionName: 'me-central-1' },
      }),
    },
  ],
});
