import { defineRule } from '../src/detect/rule';
import { cloudTrailInsightEvent, insightOn } from '../src/detect/test-events-insight-dns-waf';
import { insightRate, isWriteApiName } from '../src/logs/cloudtrail-insight';

export default defineRule({
  id: 'AWS.CloudTrailInsight.IamWriteRate',
  logTypes: ['AWS.CloudTrailInsight'],
  severity: 'HIGH',
  description:
    'CloudTrail Insights saw an unusual rate of IAM write calls (CreateAccessKey, CreateUser, AttachRolePolicy…) in an account: mass creation of credentials or users, or permission changes at a pace no person or pipeline usually keeps.',
  runbook:
    'Open the insight in the CloudTrail console (or search AWS.CloudTrail eventSource=iam.amazonaws.com eventName=<the API> around the alert) to see which principals and user agents drove the spike; the insight attributions name them. A deployment pipeline rolling out many roles is expected: confirm with its owner. Unknown principals creating keys or users, or attaching policies, is persistence: disable the new keys and users, and review the principal that made them.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-insights-events-with-cloudtrail.html',
  tags: ['TA0003:T1098', 'TA0003:T1136.003'],
  rule: (event) =>
    event.insightDetails.state === 'Start' && event.insightDetails.eventSource === 'iam.amazonaws.com' && isWriteApiName(event.insightDetails.eventName),
  title: (event) =>
    `Unusual rate of IAM ${event.insightDetails.eventName} calls in account ${event.recipientAccountId ?? 'unknown'}${insightRate(event) ? ` (${insightRate(event)})` : ''}`,
  dedup: (event) => `${event.recipientAccountId ?? ''}:${event.insightDetails.eventName}`,
  alertContext: (event) => ({
    api: event.insightDetails.eventName,
    insightType: event.insightDetails.insightType,
    errorCode: event.insightDetails.errorCode,
    rate: insightRate(event),
    sharedEventID: event.sharedEventID,
  }),
  tests: [
    { name: 'a spike of CreateAccessKey calls matches', expect: true, event: cloudTrailInsightEvent() },
    {
      name: 'a spike of AttachRolePolicy errors matches',
      expect: true,
      event: insightOn('iam.amazonaws.com', 'AttachRolePolicy', { insightType: 'ApiErrorRateInsight', errorCode: 'AccessDenied' }),
    },
    { name: 'the end of the insight does not match', expect: false, event: insightOn('iam.amazonaws.com', 'CreateAccessKey', { state: 'End' }) },
    { name: 'a spike of IAM reads does not match', expect: false, event: insightOn('iam.amazonaws.com', 'GetAccountAuthorizationDetails') },
    { name: 'a spike of another service does not match', expect: false, event: insightOn('ec2.amazonaws.com', 'CreateTags') },
  ],
});
