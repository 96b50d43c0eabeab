import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:123456789012:trail/org-management-events';

export default defineRule({
  id: 'AWS.CloudTrail.TrailStopped',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A trail stopped logging. Attackers do this first so that what they do next leaves no record; this very event may be the last one the trail delivers.',
  runbook:
    "Restart logging at once (`aws cloudtrail start-logging --name <trail>`). Ask the actor why they stopped it; if nobody can explain, treat the actor's credentials as compromised: revoke their sessions, and review their other calls in this window and everything that happened while the trail was off (other trails, the EventBridge feed, VPC flow logs).",
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'cloudtrail.amazonaws.com' && event.eventName === 'StopLogging' && succeeded(event),
  title: (event) => `${actorOf(event)} stopped CloudTrail trail ${requestText(event, 'name') ?? 'unknown'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'name') ?? 'unknown trail'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'stopping a trail matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        userIdentity: assumedRoleIdentity('Engineer', 'mallory'),
        requestParameters: { name: TRAIL_ARN },
      }),
    },
    {
      name: 'a denied attempt to stop a trail does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        requestParameters: { name: TRAIL_ARN },
        errorCode: 'AccessDenied',
        errorMessage: 'not authorized',
      }),
    },
    {
      name: 'starting a trail does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StartLogging', requestParameters: { name: TRAIL_ARN } }),
    },
    {
      name: 'reading trail status does not match',
      expect: false,
      event: cloudTrailEvent({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'GetTrailStatus', requestParameters: { name: TRAIL_ARN } }),
    },
  ],
});
