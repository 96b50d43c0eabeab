import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent, cloudTrailWrite, iamUserIdentity, rootIdentity } from '../src/detect/test-events';
import { accountOf, callContext } from './lib/cloudtrail_fields';

/** Root events with their own, more specific rules; alerting twice would only add noise. */
const COVERED_ELSEWHERE = new Set(['ConsoleLogin', 'CreateAccessKey']);

export default defineRule({
  id: 'AWS.CloudTrail.RootActivity',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'The root user made an API call. Almost nothing needs root; any use outside a planned break-glass task may mean its credentials are compromised.',
  runbook:
    'Confirm with the account owner that someone planned to use root now and why. List every event by root in this window (search userIdentity.type = Root) and check for new IAM users, access keys, policy changes or disabled logging. If unplanned: reset the root password, check and re-register root MFA, delete any root access keys, and treat changes made as malicious until shown otherwise.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-tasks.html',
  tags: ['TA0004:T1078.004', 'TA0003:T1078.004'],
  rule: (event) =>
    event.userIdentity?.type === 'Root' &&
    !event.userIdentity?.invokedBy &&
    event.eventType !== 'AwsServiceEvent' &&
    !COVERED_ELSEWHERE.has(event.eventName ?? ''),
  title: (event) => `Root user called ${event.eventName} (${event.eventSource}) in ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  // One incident per root session: every call root makes in the window joins the same alert.
  dedup: (event) => `root:${accountOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'root deleting a bucket matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 's3.amazonaws.com',
        eventName: 'DeleteBucket',
        userIdentity: rootIdentity(),
        requestParameters: { bucketName: 'acme-prod-billing-data', Host: 's3.amazonaws.com' },
      }),
    },
    {
      name: 'root reading the billing console matches',
      expect: true,
      event: cloudTrailEvent({ eventSource: 'ce.amazonaws.com', eventName: 'GetCostAndUsage', userIdentity: rootIdentity(), userAgent: 'AWS Internal' }),
    },
    {
      name: 'root console login is left to the login rule',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        userIdentity: rootIdentity(),
        responseElements: { ConsoleLogin: 'Success' },
      }),
    },
    {
      name: 'a service event attributed to root does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'health.amazonaws.com',
        eventName: 'AWSHealthEvent',
        eventType: 'AwsServiceEvent',
        userIdentity: { ...rootIdentity(), invokedBy: 'health.amazonaws.com' },
      }),
    },
    { name: 'an IAM user call does not match', expect: false, event: cloudTrailWrite({ eventName: 'RunInstances', userIdentity: iamUserIdentity('alice') }) },
    {
      name: 'an AWS service call does not match',
      expect: false,
      event: cloudTrailWrite({ eventName: 'CreateNetworkInterface', userIdentity: awsServiceIdentity('lambda.amazonaws.com') }),
    },
  ],
});
