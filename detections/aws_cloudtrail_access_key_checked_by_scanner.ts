import type { Severity } from '../src/config/severity';
import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, principalArnOf } from './lib/cloudtrail_fields';

/** Secret scanners that verify every AWS key they find with one GetCallerIdentity. */
const KEY_SCANNERS = /trufflehog|gitleaks|noseyparker|keyhunter|secretfinder|aws-key-checker/i;

/** Plain HTTP libraries: AWS's SDKs and CLI name themselves, hand-signed requests do not. */
const RAW_HTTP_CLIENTS = /^(python-requests|python-urllib|aiohttp|go-http-client|curl|wget|okhttp|axios|node-fetch|undici|java\/|apache-httpclient|ruby|php)/i;

function clientKind(event: CloudTrailEvent): 'scanner' | 'raw' | undefined {
  const agent = event.userAgent ?? '';
  if (KEY_SCANNERS.test(agent)) return 'scanner';
  if (RAW_HTTP_CLIENTS.test(agent.trim())) return 'raw';
  return undefined;
}

/** A long-term key: an IAM user's (AKIA…) or the root user's. Leaked keys are long-term keys. */
function isLongTermKey(event: CloudTrailEvent): boolean {
  return event.userIdentity?.type === 'IAMUser' || event.userIdentity?.type === 'Root' || (event.userIdentity?.accessKeyId ?? '').startsWith('AKIA');
}

function severityOf(event: CloudTrailEvent): Severity {
  return clientKind(event) === 'scanner' ? 'HIGH' : 'MEDIUM';
}

export default defineRule({
  id: 'AWS.CloudTrail.AccessKeyCheckedByScanner',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'A long-term access key called GetCallerIdentity from a secret scanner (TruffleHog and similar) or a hand-signed HTTP request rather than an AWS SDK. That is how harvested keys are checked before use: someone outside may hold this key. Denied calls count too; the key still had to be valid to be denied.',
  runbook:
    'Find where the key lives (the user named in the alert) and whether it was committed or published anywhere. Unless the check was your own secret-scanning job, deactivate the key, issue a new one, and review everything the key did from the same source IP.',
  reference: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
  tags: ['TA0007:T1087.004', 'TA0006:T1552.001'],
  rule: (event) =>
    event.eventSource === 'sts.amazonaws.com' && event.eventName === 'GetCallerIdentity' && isLongTermKey(event) && clientKind(event) !== undefined,
  title: (event) =>
    `Access key of ${actorOf(event)} was checked by ${clientKind(event) === 'scanner' ? 'a secret scanner' : 'a hand-signed request'} (${event.userAgent ?? 'no user agent'}) from ${event.sourceIPAddress ?? 'an unknown address'} in ${accountOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${event.sourceIPAddress ?? ''}`,
  dynamicSeverity: severityOf,
  alertContext: callContext,
  tests: [
    {
      name: 'TruffleHog verifying a user key matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetCallerIdentity',
        userIdentity: iamUserIdentity('ci-deployer'),
        sourceIPAddress: '203.0.113.99',
        userAgent: 'TruffleHog',
      }),
    },
    {
      name: 'a hand-signed request with python-requests matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetCallerIdentity',
        userIdentity: iamUserIdentity('ci-deployer'),
        sourceIPAddress: '203.0.113.99',
        userAgent: 'python-requests/2.31.0',
      }),
    },
    {
      name: 'a denied check still matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetCallerIdentity',
        userIdentity: iamUserIdentity('ci-deployer'),
        errorCode: 'AccessDenied',
        userAgent: 'Go-http-client/1.1',
      }),
    },
    {
      name: 'the AWS CLI does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetCallerIdentity',
        userIdentity: iamUserIdentity('bob'),
        userAgent: 'aws-cli/2.15.0 md/awscrt#0.19.19 ua/2.0 os/macos#23.2.0 md/arch#arm64 lang/python#3.11.6',
      }),
    },
    {
      name: 'a role session with a raw client does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetCallerIdentity',
        userIdentity: assumedRoleIdentity('vault-auth', 'vault'),
        userAgent: 'Go-http-client/1.1',
      }),
    },
  ],
});
