import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.RdsActivityStreamStopped',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'A database activity stream was stopped on an RDS instance or Aurora cluster: the near-real-time audit of every query and login against the database ends, which is exactly what someone about to read or change data without trace wants.',
  runbook:
    "Restart the activity stream (`aws rds start-activity-stream`) and ask the actor why it was stopped. Review the database's native audit logs and connections for the period without the stream.",
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/DBActivityStreams.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'rds.amazonaws.com' && event.eventName === 'StopActivityStream' && succeeded(event),
  title: (event) => `${actorOf(event)} stopped the database activity stream of ${requestText(event, 'resourceArn') ?? 'a database'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${requestText(event, 'resourceArn') ?? 'unknown database'}`,
  alertContext: callContext,
  tests: [
    {
      name: 'stopping an activity stream matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'StopActivityStream',
        requestParameters: { resourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora', applyImmediately: true },
      }),
    },
    {
      name: 'starting an activity stream does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'StartActivityStream',
        requestParameters: { resourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora', mode: 'async' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'rds.amazonaws.com',
        eventName: 'StopActivityStream',
        errorCode: 'AccessDenied',
        requestParameters: { resourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:orders-aurora' },
      }),
    },
  ],
});
