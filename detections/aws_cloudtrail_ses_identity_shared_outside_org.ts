import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, TEST_SETTINGS } from '../src/detect/test-events';
import type { DetectionSettings } from '../src/config/detection-settings';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, requestParam, requestText, resourcePolicyOutsiders, succeeded, whereOf } from './lib/cloudtrail_fields';

/** SES v1 (PutIdentityPolicy) and v2 (Create/UpdateEmailIdentityPolicy) sending-authorization policies. */
const POLICY_CALLS = new Set(['PutIdentityPolicy', 'CreateEmailIdentityPolicy', 'UpdateEmailIdentityPolicy']);

function outsiders(event: CloudTrailEvent, settings: DetectionSettings): string[] {
  return POLICY_CALLS.has(event.eventName ?? '') ? resourcePolicyOutsiders(requestParam(event, 'policy'), event, settings) : [];
}

function identityOf(event: CloudTrailEvent): string {
  return requestText(event, 'identity') ?? requestText(event, 'emailIdentity') ?? 'unknown identity';
}

function sendingPolicy(principal: unknown): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Resource: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
      },
    ],
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.SesIdentitySharedOutsideOrg',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    'An SES sending-authorization policy now lets everyone, or an account outside the organization, send mail as one of your verified domains or addresses: phishing that passes SPF and DKIM as you.',
  runbook:
    "Delete the policy (`aws ses delete-identity-policy`) unless the outside account is a known mail provider, and ask the actor why it was added. Check SES sending statistics and your domain's DMARC reports for mail you did not send.",
  reference: 'https://docs.aws.amazon.com/ses/latest/dg/sending-authorization.html',
  tags: ['TA0001:T1566', 'TA0003:T1098'],
  requiresSettings: ['organizationAccountIds'],
  rule: (event, { settings }) =>
    (event.eventSource === 'ses.amazonaws.com' || event.eventSource === 'email.amazonaws.com') && succeeded(event) && outsiders(event, settings).length > 0,
  title: (event, { settings }) => `${actorOf(event)} let ${outsiders(event, settings).join(', ')} send mail as ${identityOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${identityOf(event)}`,
  alertContext: (event, { settings }) => ({ ...callContext(event), outsiders: outsiders(event, settings) }),
  tests: [
    {
      name: 'letting an outside account send as the domain matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ses.amazonaws.com',
        eventName: 'PutIdentityPolicy',
        requestParameters: { identity: 'example.com', policyName: 'partner', policy: sendingPolicy({ AWS: '444455556666' }) },
      }),
    },
    {
      name: 'an SES v2 policy for everyone matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ses.amazonaws.com',
        eventName: 'CreateEmailIdentityPolicy',
        requestParameters: { emailIdentity: 'example.com', policyName: 'all', policy: sendingPolicy('*') },
      }),
    },
    {
      name: 'a sibling account does not match',
      expect: false,
      settings: TEST_SETTINGS,
      event: cloudTrailWrite({
        eventSource: 'ses.amazonaws.com',
        eventName: 'PutIdentityPolicy',
        requestParameters: { identity: 'example.com', policyName: 'sibling', policy: sendingPolicy({ AWS: 'arn:aws:iam::111122223333:root' }) },
      }),
    },
    {
      name: 'a denied attempt does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ses.amazonaws.com',
        eventName: 'PutIdentityPolicy',
        errorCode: 'AccessDenied',
        requestParameters: { identity: 'example.com', policyName: 'x', policy: sendingPolicy('*') },
      }),
    },
  ],
});
