import { defineRule } from '../src/detect/rule';
import { TEST_SETTINGS, assumedRoleIdentity, awsServiceIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { strings } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, isDeployment, requestParam, succeeded, whereOf } from './lib/cloudtrail_fields';

const SILENCING = new Map([
  ['DisableAlarmActions', 'silenced'],
  ['DeleteAlarms', 'deleted'],
]);

/** Alarms that Application Auto Scaling creates and deletes itself for target tracking. */
const MANAGED_ALARM = /^TargetTracking-/;

function alarmsOf(event: CloudTrailEvent): string[] {
  return strings(requestParam(event, 'alarmNames')).filter((name) => !MANAGED_ALARM.test(name));
}

export default defineRule({
  id: 'AWS.CloudTrail.CloudWatchAlarmsDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'CloudWatch alarms had their actions disabled or were deleted outside the deployment pipeline. Alarms on root logins, IAM changes or billing spikes are the CIS-style tripwires an intruder turns off first.',
  runbook:
    'Check which alarms (alert context) and what they watched. Re-enable actions (`aws cloudwatch enable-alarm-actions`) or restore the alarms from IaC, ask the actor why, and review what happened while they were silent. Quiet routine changes by listing your pipeline roles in deploymentPrincipals.',
  reference: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  tags: ['TA0005:T1562.001', 'TA0005:T1562.006'],
  requiresSettings: ['deploymentPrincipals'],
  rule: (event, { settings }) =>
    event.eventSource === 'monitoring.amazonaws.com' &&
    SILENCING.has(event.eventName ?? '') &&
    succeeded(event) &&
    !isAwsServiceCall(event) &&
    !isDeployment(event, settings) &&
    alarmsOf(event).length > 0,
  title: (event) =>
    `${actorOf(event)} ${SILENCING.get(event.eventName ?? '') ?? 'disabled'} CloudWatch alarm(s) ${alarmsOf(event).join(', ')} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${event.awsRegion}:${actorOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), alarms: alarmsOf(event) }),
  tests: [
    {
      name: 'silencing a root-login alarm matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'monitoring.amazonaws.com',
        eventName: 'DisableAlarmActions',
        requestParameters: { alarmNames: ['cis-root-account-usage'] },
      }),
    },
    {
      name: 'deleting alarms matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'monitoring.amazonaws.com',
        eventName: 'DeleteAlarms',
        requestParameters: { alarmNames: ['iam-policy-changes', 'billing-over-1000'] },
      }),
    },
    {
      name: 'auto scaling deleting its own alarms does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'monitoring.amazonaws.com',
        eventName: 'DeleteAlarms',
        userIdentity: awsServiceIdentity('application-autoscaling.amazonaws.com'),
        requestParameters: { alarmNames: ['TargetTracking-table/orders-AlarmHigh-1a2b'] },
      }),
    },
    {
      name: 'target tracking alarms deleted by a person do not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'monitoring.amazonaws.com',
        eventName: 'DeleteAlarms',
        requestParameters: { alarmNames: ['TargetTracking-service/orders-AlarmLow-9f8e'] },
      }),
    },
    {
      name: 'the pipeline deleting alarms does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'monitoring.amazonaws.com',
        eventName: 'DeleteAlarms',
        userIdentity: assumedRoleIdentity('cdk-hnb659fds-cfn-exec-role', 'AWSCloudFormation'),
        requestParameters: { alarmNames: ['orders-5xx'] },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'monitoring.amazonaws.com',
        eventName: 'DisableAlarmActions',
        errorCode: 'AccessDenied',
        requestParameters: { alarmNames: ['cis-root-account-usage'] },
      }),
    },
  ],
});
