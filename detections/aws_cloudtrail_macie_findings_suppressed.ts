import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const FILTER_CALLS = new Set(['CreateFindingsFilter', 'UpdateFindingsFilter']);

/** A findings filter whose action is ARCHIVE is a suppression rule: matching findings never show. */
function suppresses(event: CloudTrailEvent): boolean {
  return FILTER_CALLS.has(event.eventName ?? '') && requestText(event, 'action') === 'ARCHIVE';
}

function filterOf(event: CloudTrailEvent): string {
  return requestText(event, 'name') ?? requestText(event, 'id') ?? 'unnamed filter';
}

export default defineRule({
  id: 'AWS.CloudTrail.MacieFindingsSuppressed',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A Macie suppression rule (a findings filter with action ARCHIVE) was created or changed: findings that match it are archived automatically and never reach anyone, a quiet way to blind sensitive-data discovery.',
  runbook:
    "Read the filter's criteria (alert context). A broad filter (whole buckets, every severity) should be deleted or narrowed. Ask the actor why; review the findings it has archived since.",
  reference: 'https://docs.aws.amazon.com/macie/latest/user/findings-suppression.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'macie2.amazonaws.com' && succeeded(event) && suppresses(event),
  title: (event) => `${actorOf(event)} set Macie suppression rule ${filterOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${filterOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a new suppression rule matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'macie2.amazonaws.com',
        eventName: 'CreateFindingsFilter',
        requestParameters: {
          name: 'ignore-exports',
          action: 'ARCHIVE',
          findingCriteria: { criterion: { 'resourcesAffected.s3Bucket.name': { eq: ['acme-prod-exports'] } } },
        },
      }),
    },
    {
      name: 'a saved view (NOOP) does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'macie2.amazonaws.com',
        eventName: 'CreateFindingsFilter',
        requestParameters: { name: 'high only', action: 'NOOP', findingCriteria: {} },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'macie2.amazonaws.com',
        eventName: 'CreateFindingsFilter',
        errorCode: 'AccessDeniedException',
        requestParameters: { name: 'x', action: 'ARCHIVE' },
      }),
    },
  ],
});
