import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, succeeded, whereOf } from './lib/cloudtrail_fields';

const DISABLING = new Map([
  ['DeleteDataLake', 'deleted the Security Lake data lake'],
  ['DeleteAwsLogSource', 'stopped collecting AWS log sources into Security Lake'],
  ['DeleteCustomLogSource', 'removed a custom log source from Security Lake'],
  ['DeregisterDataLakeDelegatedAdministrator', 'removed the Security Lake delegated administrator'],
]);

export default defineRule({
  id: 'AWS.CloudTrail.SecurityLakeDisabled',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'Amazon Security Lake stopped collecting: the data lake was deleted, log sources (CloudTrail, VPC flow, Route 53, Security Hub) were removed from it, or its delegated administrator was deregistered. The central copy investigators rely on stops growing.',
  runbook:
    'Re-add the log sources (`aws securitylake create-aws-log-source`) or re-create the data lake from IaC, and ask the actor why. Keep the source logs (CloudTrail buckets) for the gap.',
  reference: 'https://docs.aws.amazon.com/security-lake/latest/userguide/disable-security-lake.html',
  tags: ['TA0005:T1562.008'],
  rule: (event) => event.eventSource === 'securitylake.amazonaws.com' && DISABLING.has(event.eventName ?? '') && succeeded(event),
  title: (event) => `${actorOf(event)} ${DISABLING.get(event.eventName ?? '') ?? 'disabled Security Lake'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:securitylake`,
  alertContext: callContext,
  tests: [
    {
      name: 'removing CloudTrail as a source matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'securitylake.amazonaws.com',
        eventName: 'DeleteAwsLogSource',
        requestParameters: { sources: [{ regions: ['us-east-1'], sourceName: 'CLOUD_TRAIL_MGMT', sourceVersion: '2.0' }] },
      }),
    },
    {
      name: 'deleting the data lake matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'securitylake.amazonaws.com',
        eventName: 'DeleteDataLake',
        requestParameters: { regions: ['us-east-1', 'eu-west-1'] },
      }),
    },
    {
      name: 'adding a source does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'securitylake.amazonaws.com',
        eventName: 'CreateAwsLogSource',
        requestParameters: { sources: [{ regions: ['us-east-1'], sourceName: 'VPC_FLOW' }] },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'securitylake.amazonaws.com',
        eventName: 'DeleteDataLake',
        errorCode: 'AccessDeniedException',
        requestParameters: { regions: ['us-east-1'] },
      }),
    },
  ],
});
