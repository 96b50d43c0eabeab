import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, isAwsServiceCall, principalArnOf, wasDenied } from './lib/cloudtrail_fields';

/** What was tried: an application retrying one forbidden call is one action, an enumeration tool is dozens. */
function actionOf(event: CloudTrailEvent): string[] {
  return [`${event.eventSource.replace('.amazonaws.com', '')}:${event.eventName}`];
}

export default defineRule({
  id: 'AWS.CloudTrail.AccessDeniedBurst',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'One principal was denied 10 or more different API actions within an hour. Stolen credentials get used to find out what they can do, and that enumeration leaves a trail of AccessDenied errors across many actions; an application retrying one forbidden call, however often, counts once.',
  runbook:
    "Look at the denied calls (alert events): many services and Describe/List/Get calls in quick succession, from an unusual address or user agent, is enumeration. Ask the principal's owner whether a tool or a deploy was misconfigured. If not: deactivate the keys or revoke the role's sessions, and review the calls that succeeded from the same address.",
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html',
  tags: ['TA0007:T1580', 'TA0007:T1087.004'],
  threshold: 10,
  rule: (event) => wasDenied(event) && !isAwsServiceCall(event),
  distinctValues: actionOf,
  title: (event) =>
    `Many denied API calls by ${actorOf(event)} in ${accountOf(event)} (latest: ${event.eventName} from ${event.sourceIPAddress ?? 'an unknown address'})`,
  // By role, not session: enumeration with fresh sessions of one role is one incident.
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({
    principalArn: principalArnOf(event),
    eventSource: event.eventSource,
    eventName: event.eventName,
    errorCode: event.errorCode,
    errorMessage: event.errorMessage,
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
  }),
  tests: [
    {
      name: 'an AccessDenied on S3 counts',
      expect: true,
      event: cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
    },
    {
      name: 'an EC2 UnauthorizedOperation counts',
      expect: true,
      event: cloudTrailEvent({
        eventName: 'DescribeInstances',
        userIdentity: iamUserIdentity('leaked-key'),
        errorCode: 'Client.UnauthorizedOperation',
        errorMessage: 'You are not authorized to perform this operation.',
      }),
    },
    {
      name: 'an AccessDeniedException from IAM counts',
      expect: true,
      event: cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', errorCode: 'AccessDeniedException' }),
    },
    {
      name: 'a not-found error does not count',
      expect: false,
      event: cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'GetBucketPolicy', errorCode: 'NoSuchBucketPolicy' }),
    },
    { name: 'a throttled call does not count', expect: false, event: cloudTrailEvent({ errorCode: 'Client.RequestLimitExceeded' }) },
    {
      name: "a service denied on the account's behalf does not count",
      expect: false,
      event: cloudTrailEvent({ userIdentity: awsServiceIdentity('config.amazonaws.com'), errorCode: 'AccessDenied' }),
    },
    { name: 'a successful call does not count', expect: false, event: cloudTrailEvent() },
  ],
});
