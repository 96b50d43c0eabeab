import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

function removes(event: CloudTrailEvent): boolean {
  if (event.eventName === 'DeleteSubscriptionFilter') return true;
  return event.eventName === 'DeleteAccountPolicy' && requestText(event, 'policyType') === 'SUBSCRIPTION_FILTER_POLICY';
}

function targetOf(event: CloudTrailEvent): string {
  const group = requestText(event, 'logGroupName');
  return group ? `log group ${group}` : `account policy ${requestText(event, 'policyName') ?? 'unknown'}`;
}

export default defineRule({
  id: 'AWS.CloudTrail.LogSubscriptionRemoved',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A CloudWatch Logs subscription filter (or account-wide subscription policy) was removed outside the deployment pipeline: the logs stop flowing to the SIEM, archive or detection pipeline that consumed them, while still looking present in CloudWatch.',
  runbook:
    'Check what the subscription fed (its destination) and restore it from IaC if the change was not planned. Ask the actor why, and search the log group for what happened since it stopped shipping.',
  reference: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Subscriptions.html',
  tags: ['TA0005:T1562.008'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'logs.amazonaws.com' && removes(event) && succeeded(event) && !isAwsServiceCall(event) && !isDeployment(event, settings),
  title: (event) => `${actorOf(event)} removed the log subscription of ${targetOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${targetOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'removing a subscription filter matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'logs.amazonaws.com',
        eventName: 'DeleteSubscriptionFilter',
        requestParameters: { logGroupName: 'aws-cloudtrail-logs-org', filterName: 'to-siem' },
      }),
    },
    {
      name: 'removing the account subscription policy matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'logs.amazonaws.com',
        eventName: 'DeleteAccountPolicy',
        requestParameters: { policyName: 'ship-all', policyType: 'SUBSCRIPTION_FILTER_POLICY' },
      }),
    },
    {
      name: 'removing a data protection policy does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'logs.amazonaws.com',
        eventName: 'DeleteAccountPolicy',
        requestParameters: { policyName: 'mask', policyType: 'DATA_PROTECTION_POLICY' },
      }),
    },
    {
      name: 'the pipeline replacing a filter does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'logs.amazonaws.com',
        eventName: 'DeleteSubscriptionFilter',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-3'),
        requestParameters: { logGroupName: '/aws/lambda/orders', filterName: 'old' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'logs.amazonaws.com',
        eventName: 'DeleteSubscriptionFilter',
        errorCode: 'AccessDeniedException',
        requestParameters: { logGroupName: 'aws-cloudtrail-logs-org', filterName: 'to-siem' },
      }),
    },
  ],
});
