import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, isAwsServiceCall, principalArnOf } from './cloudtrail_fields';

/** The error codes services use for "not allowed" (as opposed to "not found" or "throttled"). */
const DENIED = /^(Client\.)?(AccessDenied(Exception)?|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|Forbidden)$/;

function isDenied(event: CloudTrailEvent): boolean {
  return DENIED.test(event.errorCode ?? '');
}

export default defineRule({
  id: 'AWS.CloudTrail.AccessDeniedBurst',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description: 'One principal was denied 20 or more API calls within an hour. Stolen credentials get used to find out what they can do, and that enumeration leaves a trail of AccessDenied errors.',
  runbook:
    'Look at the denied calls (alert events): many services and Describe/List/Get calls in quick succession, from an unusual address or user agent, is enumeration. Ask the principal\'s owner whether a tool or a deploy was misconfigured. If not: deactivate the keys or revoke the role\'s sessions, and review the calls that succeeded from the same address.',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html',
  tags: ['TA0007:T1580', 'TA0007:T1087.004'],
  threshold: 20,
  rule: (event) => isDenied(event) && !isAwsServiceCall(event),
  title: (event) => `Many denied API calls by ${actorOf(event)} in ${accountOf(event)} (latest: ${event.eventName} from ${event.sourceIPAddress ?? 'an unknown address'})`,
  // By role, not session: enumeration with fresh sessions of one role is one incident.
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({ principalArn: principalArnOf(event), eventSource: event.eventSource, eventName: event.eventName, errorCode: event.errorCode, errorMessage: event.errorMessage, sourceIPAddress: event.sourceIPAddress, userAgent: event.userAgent }),
  tests: [
    { name: 'an AccessDenied on S3 counts', expect: true, event: cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'ListBuckets', errorCode: 'AccessDenied', errorMessage: 'Access Denied' }) },
    { name: 'an EC2 UnauthorizedOperation counts', expect: true, event: cloudTrailEvent({ eventName: 'DescribeInstances', userIdentity: iamUserIdentity('leaked-key'), errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized to perform this operation.' }) },
    { name: 'an AccessDeniedException from IAM counts', expect: true, event: cloudTrailEvent({ eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', errorCode: 'AccessDeniedException' }) },
    { name: 'a not-found error does not count', expect: false, event: cloudTrailEvent({ eventSource: 's3.amazonaws.com', eventName: 'GetBucketPolicy', errorCode: 'NoSuchBucketPolicy' }) },
    { name: 'a throttled call does not count', expect: false, event: cloudTrailEvent({ errorCode: 'Client.RequestLimitExceeded' }) },
    { name: 'a service denied on the account\'s behalf does not count', expect: false, event: cloudTrailEvent({ userIdentity: awsServiceIdentity('config.amazonaws.com'), errorCode: 'AccessDenied' }) },
    { name: 'a successful call does not count', expect: false, event: cloudTrailEvent() },
  ],
});
