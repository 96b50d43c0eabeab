import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, isExplicitFalse, list, strings, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const SELECTOR_CALLS = new Set(['PutEventSelectors', 'PutInsightSelectors']);

/** Basic selectors that drop management events, writes, or whole event sources reduce what is recorded. */
function reducesLogging(event: CloudTrailEvent): boolean {
  return list(requestParam(event, 'eventSelectors')).some(
    (selector) =>
      isExplicitFalse(dig(selector, 'includeManagementEvents')) ||
      text(dig(selector, 'readWriteType')) === 'ReadOnly' ||
      strings(dig(selector, 'excludeManagementEventSources')).length > 0,
  );
}

function trailOf(event: CloudTrailEvent): string {
  return requestText(event, 'trailName') ?? 'unknown';
}

export default defineRule({
  id: 'AWS.CloudTrail.TrailSelectorsChanged',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'The event or insight selectors of a trail changed. Selectors decide what a trail records; narrowing them is a quiet way to stop logging chosen activity.',
  runbook:
    'Compare the new selectors (alert context) with the trail\'s IaC definition. Management events with read/write "All" and no excluded sources are the baseline. If the change narrows logging and no change request explains it, restore the selectors and review the actor\'s other activity.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'cloudtrail.amazonaws.com' && SELECTOR_CALLS.has(event.eventName ?? '') && succeeded(event),
  title: (event) =>
    `${actorOf(event)} ${reducesLogging(event) ? 'narrowed' : 'changed'} the ${event.eventName === 'PutInsightSelectors' ? 'insight' : 'event'} selectors of trail ${trailOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${trailOf(event)}`,
  dynamicSeverity: (event) => (reducesLogging(event) ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), reducesLogging: reducesLogging(event) }),
  tests: [
    {
      name: 'excluding management events matches, with high severity',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'PutEventSelectors',
        requestParameters: {
          trailName: 'org-management-events',
          eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false, dataResources: [], excludeManagementEventSources: [] }],
        },
      }),
    },
    {
      name: 'adding S3 data events matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'PutEventSelectors',
        requestParameters: {
          trailName: 'org-management-events',
          eventSelectors: [
            {
              readWriteType: 'All',
              includeManagementEvents: true,
              dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::acme-audit-logs/'] }],
              excludeManagementEventSources: [],
            },
          ],
        },
      }),
    },
    {
      name: 'reading the selectors does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'GetEventSelectors',
        readOnly: true,
        requestParameters: { trailName: 'org-management-events' },
      }),
    },
  ],
});
