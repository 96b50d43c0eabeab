import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Rules named like these route security events (findings, CloudTrail, alarms) somewhere people look. */
const SECURITY_RULE = /guardduty|securityhub|security-hub|cloudtrail|config|macie|inspector|alert|security|prowl|siem|audit|incident/i;
/** Rules AWS services create and remove for themselves. */
const SERVICE_MANAGED_RULE = /^(AutoScalingManagedRule|AWSBackupManagedRule|Managed|DO-NOT-DELETE|StepFunctionsGetEventsForStepFunctionsExecutionRule)/;

function ruleNameOf(event: CloudTrailEvent): string {
  return requestText(event, 'name') ?? requestText(event, 'rule') ?? 'unknown rule';
}

function disables(event: CloudTrailEvent): boolean {
  switch (event.eventName) {
    case 'DisableRule':
    case 'DeleteRule':
    case 'RemoveTargets':
      return true;
    case 'PutRule':
      return requestText(event, 'state') === 'DISABLED';
    default:
      return false;
  }
}

export default defineRule({
  id: 'AWS.CloudTrail.EventBridgeRuleDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "An EventBridge rule was disabled, deleted, or lost its targets outside the deployment pipeline. Rules are how findings, CloudTrail events and alarms reach responders (Prowl's own real-time feed among them); one named for security routing is high severity.",
  runbook:
    'Check what the rule routed (its event pattern and targets). If it carried security events and the change was not planned, restore it from IaC at once and ask the actor why; then look for the activity that happened while it was off. Quiet routine changes by listing your pipeline roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rules.html',
  tags: ['TA0005:T1562.001', 'TA0005:T1562.006'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'events.amazonaws.com' &&
    disables(event) &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings) &&
    !SERVICE_MANAGED_RULE.test(ruleNameOf(event)),
  title: (event) => `${actorOf(event)} called ${event.eventName} on EventBridge rule ${ruleNameOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${ruleNameOf(event)}`,
  dynamicSeverity: (event) => (SECURITY_RULE.test(ruleNameOf(event)) ? 'HIGH' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'disabling a GuardDuty routing rule matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'DisableRule',
        requestParameters: { name: 'guardduty-findings-to-slack', eventBusName: 'default' },
      }),
    },
    {
      name: "removing a rule's targets matches",
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'RemoveTargets',
        requestParameters: { rule: 'nightly-report', ids: ['lambda'] },
      }),
    },
    {
      name: 'putting a rule in DISABLED state matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutRule',
        requestParameters: { name: 'prowl-cloudtrail', state: 'DISABLED', eventPattern: '{}' },
      }),
    },
    {
      name: 'putting an enabled rule does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'PutRule',
        requestParameters: { name: 'prowl-cloudtrail', state: 'ENABLED', eventPattern: '{}' },
      }),
    },
    {
      name: 'a service removing its managed rule does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'DeleteRule',
        userIdentity: awsServiceIdentity('autoscaling.amazonaws.com'),
        requestParameters: { name: 'AutoScalingManagedRule' },
      }),
    },
    {
      name: 'the pipeline deleting a rule does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'DeleteRule',
        userIdentity: assumedRoleIdentity('GitHubActionsDeploy', 'run-7'),
        requestParameters: { name: 'old-schedule' },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'events.amazonaws.com',
        eventName: 'DisableRule',
        errorCode: 'AccessDeniedException',
        requestParameters: { name: 'guardduty-findings-to-slack' },
      }),
    },
  ],
});
