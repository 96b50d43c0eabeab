import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import { accountOf, actorOf, callContext, principalArnOf, requestText, succeeded } from './lib/cloudtrail_fields';

export default defineRule({
  id: 'AWS.CloudTrail.StsGetFederationToken',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "An IAM user obtained a federation token. Few modern setups use GetFederationToken, and its sessions keep working for up to 36 hours even after the user's access key is deactivated, which makes it a persistence trick after a key leak.",
  runbook:
    'Ask the user what tool requested the token. If nobody did: deactivating the key is not enough; attach a deny-all policy with a condition on aws:TokenIssueTime (IAM "Revoke sessions" for users works the same way) to the user, rotate the key, and search for calls made with the federated user name (userIdentity.type FederatedUser).',
  reference: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html',
  tags: ['TA0005:T1550.001', 'TA0008:T1550.001', 'TA0003:T1078.004'],
  rule: (event) => event.eventSource === 'sts.amazonaws.com' && event.eventName === 'GetFederationToken' && succeeded(event),
  title: (event) =>
    `${actorOf(event)} obtained a federation token (${requestText(event, 'name') ?? 'unnamed'}) in ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a federation token for an IAM user matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetFederationToken',
        userIdentity: iamUserIdentity('ci-deployer'),
        requestParameters: { name: 'persist', durationSeconds: 129600 },
        responseElements: {
          credentials: { accessKeyId: 'ASIAEXAMPLEFEDERATED', expiration: 'Nov 23, 2026, 10:00:00 PM' },
          federatedUser: { federatedUserId: '123456789012:persist', arn: 'arn:aws:sts::123456789012:federated-user/persist' },
        },
      }),
    },
    {
      name: 'assuming a role does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'AssumeRole',
        requestParameters: { roleArn: 'arn:aws:iam::123456789012:role/Engineer', roleSessionName: 'alice' },
      }),
    },
    {
      name: 'a denied federation token does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetFederationToken',
        userIdentity: iamUserIdentity('x'),
        errorCode: 'AccessDenied',
      }),
    },
  ],
});
