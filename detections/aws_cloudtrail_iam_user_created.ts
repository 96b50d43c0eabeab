import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf, requestText, succeeded } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.IamUserCreated',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    'An IAM user was created outside AWS-service automation. Long-lived IAM users are rare where people sign in through SSO, and a new one is a common way to keep access after a compromise.',
  runbook:
    'Ask the actor what the user is for. Check whether it got a console password, access keys or policies in the same window (related alerts or a search on the user name). If nobody owns it, disable its credentials and delete it, then look at how the actor came to create it.',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_create.html',
  tags: ['TA0003:T1136.003'],
  rule: (event) => event.eventSource === 'iam.amazonaws.com' && event.eventName === 'CreateUser' && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => `${actorOf(event)} created IAM user ${requestText(event, 'userName') ?? 'unknown'} in ${accountOf(event)}`,
  // One alert per creator per window: a script creating ten users is one incident.
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'creating a user matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateUser',
        userIdentity: iamUserIdentity('alice'),
        requestParameters: { userName: 'svc-backup' },
        responseElements: {
          user: {
            path: '/',
            userName: 'svc-backup',
            userId: 'AIDAEXAMPLENEWUSER',
            arn: 'arn:aws:iam::123456789012:user/svc-backup',
            createDate: 'Nov 22, 2026 10:00:00 AM',
          },
        },
      }),
    },
    {
      name: 'a failed creation does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateUser',
        requestParameters: { userName: 'svc-backup' },
        errorCode: 'EntityAlreadyExistsException',
      }),
    },
    {
      name: 'creating a role does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'iam.amazonaws.com', eventName: 'CreateRole', requestParameters: { roleName: 'svc' } }),
    },
  ],
});
