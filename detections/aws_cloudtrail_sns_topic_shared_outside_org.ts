import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

/** CreateTopic carries the policy in `attributes.Policy`; SetTopicAttributes sets one attribute by name. */
function policyOf(event: CloudTrailEvent): unknown {
  if (event.eventName === 'CreateTopic') return requestParam(event, 'attributes', 'Policy');
  if (event.eventName === 'SetTopicAttributes' && requestText(event, 'attributeName') === 'Policy') return requestParam(event, 'attributeValue');
  return undefined;
}

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return resourcePolicyOutsiders(policyOf(event), event, settings);
}

function topicOf(event: CloudTrailEvent): string {
  return requestText(event, 'topicArn') ?? requestText(event, 'name') ?? 'unknown topic';
}

function topicPolicy(principal: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: ['SNS:Subscribe', 'SNS:Publish'],
        Resource: 'arn:aws:sns:us-east-1:123456789012:orders-events',
        ...extra,
      },
    ],
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.SnsTopicSharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An SNS topic policy now lets everyone, or an account outside the organization, subscribe to or publish on the topic. A subscriber outside the organization receives every message the topic carries.',
  runbook:
    "Read the new policy (alert context) and the topic's subscriptions: remove any subscription to an endpoint you do not own. Unless the outside account is a known partner, restore the previous policy (or add an aws:PrincipalOrgID condition) and ask the actor why it changed.",
  reference: 'https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html',
  tags: ['TA0010:T1537', 'TA0009:T1530'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) => event.eventSource === 'sns.amazonaws.com' && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} opened SNS topic ${topicOf(event)} to ${outsiders(event, settings).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${topicOf(event)}`,
  dynamicSeverity: (event, { settings }) => (outsiders(event, settings).includes('everyone') ? 'CRITICAL' : 'HIGH'),
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'a topic policy open to everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sns.amazonaws.com',
        eventName: 'SetTopicAttributes',
        requestParameters: { topicArn: 'arn:aws:sns:us-east-1:123456789012:orders-events', attributeName: 'Policy', attributeValue: topicPolicy('*') },
      }),
    },
    {
      name: 'a new topic shared with an outside account matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'sns.amazonaws.com',
        eventName: 'CreateTopic',
        requestParameters: { name: 'orders-events', attributes: { Policy: topicPolicy({ AWS: 'arn:aws:iam::444455556666:root' }) } },
      }),
    },
    {
      name: 'a policy open to the organization only does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sns.amazonaws.com',
        eventName: 'SetTopicAttributes',
        requestParameters: {
          topicArn: 'arn:aws:sns:us-east-1:123456789012:orders-events',
          attributeName: 'Policy',
          attributeValue: topicPolicy('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
        },
      }),
    },
    {
      name: 'letting S3 in the same account publish does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sns.amazonaws.com',
        eventName: 'SetTopicAttributes',
        requestParameters: {
          topicArn: 'arn:aws:sns:us-east-1:123456789012:orders-events',
          attributeName: 'Policy',
          attributeValue: JSON.stringify({
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 's3.amazonaws.com' },
                Action: 'SNS:Publish',
                Resource: '*',
                Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
              },
            ],
          }),
        },
      }),
    },
    {
      name: 'changing the display name does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sns.amazonaws.com',
        eventName: 'SetTopicAttributes',
        requestParameters: { topicArn: 'arn:aws:sns:us-east-1:123456789012:orders-events', attributeName: 'DisplayName', attributeValue: 'Orders' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'sns.amazonaws.com',
        eventName: 'SetTopicAttributes',
        errorCode: 'AuthorizationError',
        requestParameters: { topicArn: 'arn:aws:sns:us-east-1:123456789012:orders-events', attributeName: 'Policy', attributeValue: topicPolicy('*') },
      }),
    },
  ],
});
