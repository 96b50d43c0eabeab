import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/**
 * Quiet ways to blind GuardDuty without disabling it: a filter that auto-archives findings, or a
 * trusted IP list (GuardDuty raises no findings for traffic from trusted IPs).
 */
function suppression(event: CloudTrailEvent): string | undefined {
  if ((event.eventName === 'CreateFilter' || event.eventName === 'UpdateFilter') && requestText(event, 'action') === 'ARCHIVE') {
    return `an auto-archive filter ${requestText(event, 'name') ?? requestText(event, 'filterName') ?? ''}`.trim();
  }
  if (event.eventName === 'CreateIPSet' || event.eventName === 'UpdateIPSet') {
    return `a trusted IP list ${requestText(event, 'name') ?? requestText(event, 'ipSetId') ?? ''}`.trim();
  }
  return undefined;
}

export default defineRule({
  id: 'AWS.CloudTrail.GuardDutyFindingsSuppressed',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Someone created or changed a GuardDuty auto-archive filter or trusted IP list. Both hide future findings without disabling GuardDuty, so they are easy to miss.',
  runbook:
    'Read the filter criteria or the IP list location (alert context). Archive filters should be narrow (one finding type, one known resource) and trusted IP lists should contain only your own egress addresses. If the change is broad or unexplained, delete it and review GuardDuty findings archived since.',
  reference: 'https://docs.aws.amazon.com/guardduty/latest/ug/findings_suppression-rule.html',
  tags: ['TA0005:T1562.001'],
  rule: (event) => event.eventSource === 'guardduty.amazonaws.com' && succeeded(event) && suppression(event) !== undefined,
  title: (event) => `${actorOf(event)} set up ${suppression(event) ?? 'a suppression'} in GuardDuty in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${suppression(event) ?? ''}`,
  alertContext: (event) => ({ ...callContext(event), findingCriteria: requestParam(event, 'findingCriteria'), location: requestText(event, 'location') }),
  tests: [
    {
      name: 'an archive filter matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'CreateFilter',
        requestParameters: {
          detectorId: '12abc34d567e8fa901bc2d34e56789f0',
          name: 'quiet-please',
          action: 'ARCHIVE',
          rank: 1,
          findingCriteria: { criterion: { severity: { gte: 1 } } },
        },
      }),
    },
    {
      name: 'a trusted IP list matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'CreateIPSet',
        requestParameters: {
          detectorId: '12abc34d567e8fa901bc2d34e56789f0',
          name: 'office',
          format: 'TXT',
          location: 'https://s3.amazonaws.com/acme-sec/trusted.txt',
          activate: true,
        },
      }),
    },
    {
      name: 'a filter that only tags findings (NOOP) does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'CreateFilter',
        requestParameters: {
          detectorId: '12abc34d567e8fa901bc2d34e56789f0',
          name: 'watch',
          action: 'NOOP',
          findingCriteria: { criterion: { type: { eq: ['Recon:EC2/PortProbeUnprotectedPort'] } } },
        },
      }),
    },
    {
      name: 'a threat intel list does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'guardduty.amazonaws.com',
        eventName: 'CreateThreatIntelSet',
        requestParameters: { name: 'bad-ips', activate: true },
      }),
    },
  ],
});
