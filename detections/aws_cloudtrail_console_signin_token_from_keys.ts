import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, principalArnOf, succeeded } from './lib/cloudtrail_fields';

/** The IAM Identity Center portal mints sign-in tokens for its users with these clients. */
const SSO_PORTAL_AGENTS = ['Jersey/', 'Go-http-client/2.0'];

function isIdentityCenterSession(event: CloudTrailEvent): boolean {
  const agent = event.userAgent ?? '';
  return (
    SSO_PORTAL_AGENTS.some((portal) => agent.includes(portal)) ||
    /:role\/(aws-reserved\/sso\.amazonaws\.com\/[^/]*\/)?AWSReservedSSO_/.test(principalArnOf(event))
  );
}

export default defineRule({
  id: 'AWS.CloudTrail.ConsoleSigninTokenFromKeys',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    "Programmatic credentials were turned into an AWS console session through the federation endpoint (GetSigninToken), outside the IAM Identity Center portal. Tools such as aws_consoler do this so an attacker with stolen keys can browse the console, where actions look like a person's.",
  runbook:
    "Identify whose credentials were used (principal ARN) and ask whether they built a console link themselves. If not, treat the credentials as stolen: revoke the role's sessions or deactivate the key, and review console activity from the same source IP.",
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-custom-url.html',
  tags: ['TA0008:T1550.001', 'TA0005:T1550.001'],
  rule: (event) => event.eventSource === 'signin.amazonaws.com' && event.eventName === 'GetSigninToken' && succeeded(event) && !isIdentityCenterSession(event),
  title: (event) =>
    `${actorOf(event)} turned API credentials into a console session in ${accountOf(event)} from ${event.sourceIPAddress ?? 'an unknown address'}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${event.sourceIPAddress ?? ''}`,
  alertContext: callContext,
  tests: [
    {
      name: 'a sign-in token minted with a role session matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'GetSigninToken',
        eventType: 'AwsConsoleSignIn',
        userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'),
        sourceIPAddress: '203.0.113.99',
        userAgent: 'python-requests/2.31.0',
        responseElements: { GetSigninToken: 'Success' },
      }),
    },
    {
      name: 'the Identity Center portal does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'GetSigninToken',
        eventType: 'AwsConsoleSignIn',
        userIdentity: assumedRoleIdentity('AWSReservedSSO_Admin_0a1b2c3d4e5f6789', 'alice@example.com'),
        userAgent: 'Jersey/${project.version}',
        responseElements: { GetSigninToken: 'Success' },
      }),
    },
    {
      name: 'a console login does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        eventType: 'AwsConsoleSignIn',
        responseElements: { ConsoleLogin: 'Success' },
      }),
    },
    {
      name: 'a failed attempt does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'signin.amazonaws.com',
        eventName: 'GetSigninToken',
        eventType: 'AwsConsoleSignIn',
        userIdentity: assumedRoleIdentity('orders-api', 'i-0123456789abcdef0'),
        errorCode: 'AccessDenied',
        userAgent: 'python-requests/2.31.0',
      }),
    },
  ],
});
