import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Deleting a trail or a CloudTrail Lake event data store both destroy the audit record going forward. */
const DELETIONS = new Set(['DeleteTrail', 'DeleteEventDataStore']);

function target(event: Parameters<typeof accountOf>[0]): string {
  return requestText(event, 'name') ?? requestText(event, 'eventDataStore') ?? 'unknown';
}

export default defineRule({
  id: 'AWS.CloudTrail.TrailDeleted',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description: 'A CloudTrail trail or CloudTrail Lake event data store was deleted, ending the audit record it kept.',
  runbook:
    "Find out who asked for the deletion and why (change ticket, IaC pull request). If unexplained: recreate the trail from its IaC definition, revoke the actor's sessions, and review what happened since (other trails, the EventBridge feed). Check that the trail's S3 bucket and its objects still exist.",
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DeleteTrail.html',
  tags: ['TA0005:T1562.008', 'TA0040:T1485'],
  rule: (event) => event.eventSource === 'cloudtrail.amazonaws.com' && DELETIONS.has(event.eventName ?? '') && succeeded(event),
  title: (event) =>
    `${actorOf(event)} deleted CloudTrail ${event.eventName === 'DeleteTrail' ? 'trail' : 'event data store'} ${target(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${target(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'deleting a trail matches',
      expect: true,
      event: cloudTrailWrite({ eventSource: 'cloudtrail.amazonaws.com', eventName: 'DeleteTrail', requestParameters: { name: 'org-management-events' } }),
    },
    {
      name: 'deleting an event data store matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'DeleteEventDataStore',
        requestParameters: { eventDataStore: 'arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE' },
      }),
    },
    {
      name: 'creating a trail does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'CreateTrail',
        requestParameters: { name: 'new-trail', s3BucketName: 'acme-cloudtrail' },
      }),
    },
    {
      name: 'a failed deletion does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'DeleteTrail',
        requestParameters: { name: 'missing' },
        errorCode: 'TrailNotFoundException',
      }),
    },
  ],
});
