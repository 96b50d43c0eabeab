import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, text } from './lib/fields';
import { accountOf, actorOf, callContext, requestText, succeeded } from './lib/cloudtrail_fields';

function isIamUserWithoutMfa(event: CloudTrailEvent): boolean {
  return event.userIdentity?.type === 'IAMUser' && requestText(event, 'serialNumber') === undefined;
}

export default defineRule({
  id: 'AWS.CloudTrail.StsSessionTokenWithoutMfa',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "An IAM user's long-term access key was exchanged for temporary credentials with GetSessionToken and no MFA. Attackers holding a stolen key do this so they keep working (for up to 36 hours) after the key is deactivated, and so their later calls show a temporary key id.",
  runbook:
    "Ask the user whether they ran it (some tools call GetSessionToken on start). If not: deactivate the user's access keys — and note that deactivating does not end sessions already issued; attach a deny-all policy with an aws:TokenIssueTime condition to revoke them. Then review calls made with the temporary key id returned (responseElements.credentials.accessKeyId).",
  reference: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
  tags: ['TA0005:T1550.001', 'TA0003:T1078.004'],
  dedupPeriodMinutes: 1440,
  rule: (event) => event.eventSource === 'sts.amazonaws.com' && event.eventName === 'GetSessionToken' && succeeded(event) && isIamUserWithoutMfa(event),
  title: (event) =>
    `${actorOf(event)} turned its access key into session credentials without MFA in ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `${accountOf(event)}:${actorOf(event)}`,
  alertContext: (event) => ({ ...callContext(event), issuedAccessKeyId: text(dig(event.responseElements, 'credentials', 'accessKeyId')) }),
  tests: [
    {
      name: 'an IAM user without MFA matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetSessionToken',
        userIdentity: iamUserIdentity('ci-deployer'),
        sourceIPAddress: '203.0.113.99',
        userAgent: 'python-requests/2.31.0',
        requestParameters: { durationSeconds: 129600 },
      }),
    },
    {
      name: 'an IAM user with MFA does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetSessionToken',
        userIdentity: iamUserIdentity('bob'),
        requestParameters: { durationSeconds: 43200, serialNumber: 'arn:aws:iam::123456789012:mfa/bob' },
      }),
    },
    {
      name: 'a role session does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetSessionToken',
        userIdentity: assumedRoleIdentity('Engineer', 'alice'),
        requestParameters: {},
      }),
    },
    {
      name: 'a failed attempt does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetSessionToken',
        userIdentity: iamUserIdentity('ci-deployer'),
        errorCode: 'AccessDenied',
        requestParameters: { durationSeconds: 129600 },
      }),
    },
  ],
});
