import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

const POLICY_CALLS = new Set(['CreateQueue', 'SetQueueAttributes']);

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return POLICY_CALLS.has(event.eventName ?? '') ? resourcePolicyOutsiders(requestParam(event, 'attributes', 'Policy'), event, settings) : [];
}

function queueOf(event: CloudTrailEvent): string {
  return requestText(event, 'queueUrl') ?? requestText(event, 'queueName') ?? 'unknown queue';
}

function queuePolicy(principal: unknown, actions: string[] = ['sqs:ReceiveMessage', 'sqs:SendMessage']): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: actions, Resource: 'arn:aws:sqs:us-east-1:123456789012:payments' }],
  });
}

const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/payments';

export default defineRule({
  id: 'AWS.CloudTrail.SqsQueueSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An SQS queue policy now lets everyone, or an account outside the organization, act on the queue. Whoever can receive from it reads every message; whoever can send to it feeds your consumers.',
  runbook:
    "Read the new policy (alert context). Unless the outside account is a known partner, restore the previous policy or scope it with aws:PrincipalOrgID / aws:SourceArn, then check the queue's metrics for receives you cannot explain and ask the actor why it changed.",
  reference: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
  tags: ['TA0010:T1537', 'TA0009:T1530'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'sqs.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} opened SQS queue ${queueOf(event)} to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${queueOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a queue policy open to everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sqs.amazonaws.com',
        eventName: 'SetQueueAttributes',
        requestParameters: { queueUrl: QUEUE_URL, attributes: { Policy: queuePolicy('*') } },
      }),
    },
    {
      name: 'a new queue readable by an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sqs.amazonaws.com',
        eventName: 'CreateQueue',
        requestParameters: { queueName: 'payments', attributes: { Policy: queuePolicy({ AWS: ['arn:aws:iam::444455556666:role/reader'] }) } },
      }),
    },
    {
      name: 'a grant to an organization account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'sqs.amazonaws.com',
        eventName: 'SetQueueAttributes',
        requestParameters: { queueUrl: QUEUE_URL, attributes: { Policy: queuePolicy({ AWS: '111122223333' }) } },
      }),
    },
    {
      name: 'changing the visibility timeout does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sqs.amazonaws.com',
        eventName: 'SetQueueAttributes',
        requestParameters: { queueUrl: QUEUE_URL, attributes: { VisibilityTimeout: '60' } },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sqs.amazonaws.com',
        eventName: 'SetQueueAttributes',
        errorCode: 'AccessDenied',
        requestParameters: { queueUrl: QUEUE_URL, attributes: { Policy: queuePolicy('*') } },
      }),
    },
  ],
});
