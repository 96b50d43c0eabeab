import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue, strings } from './lib/fields';
import { accountOf, actorOf, attemptVerb, isAwsServiceCall, principalArnOf, requestParam, requestText } from './lib/cloudtrail_fields';

const READS = new Set(['GetParameter', 'GetParameters', 'GetParametersByPath']);

/** Only decrypted reads reveal SecureString values; plain reads of configuration are everyday traffic. */
function decrypts(event: CloudTrailEvent): boolean {
  return isTrue(requestParam(event, 'withDecryption'));
}

/** What one call reads: a name, up to ten names (GetParameters), or a whole path (counted as one). */
function parametersOf(event: CloudTrailEvent): string[] {
  const path = requestText(event, 'path');
  if (path !== undefined) return [`path:${path}`];
  const one = requestText(event, 'name');
  return one !== undefined ? [one] : strings(requestParam(event, 'names'));
}

function parameterOf(event: CloudTrailEvent): string {
  return requestText(event, 'name') ?? requestText(event, 'path') ?? (strings(requestParam(event, 'names')).join(', ') || 'unknown parameters');
}

export default defineRule({
  id: 'AWS.CloudTrail.SsmParametersBulkRead',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'One principal read, or tried to read, 10 or more different SSM parameters with decryption within an hour, counting every name a GetParameters call carries and denied attempts. SecureString parameters hold passwords and keys; sweeping through many of them is credential harvesting.',
  runbook:
    "Look at which parameters and paths were read (alert events). An application reading its own configuration at start-up is expected: suppress it for that role. Otherwise revoke the principal's sessions and rotate the values it read.",
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html',
  tags: ['TA0006:T1552'],
  threshold: 10,
  rule: (event) => event.eventSource === 'ssm.amazonaws.com' && READS.has(event.eventName ?? '') && decrypts(event) && !isAwsServiceCall(event),
  distinctValues: parametersOf,
  title: (event) =>
    `${actorOf(event)} ${attemptVerb(event, 'read', 'tried to read')} many decrypted SSM parameters in ${accountOf(event)} (latest: ${parameterOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({
    principalArn: principalArnOf(event),
    parameter: parameterOf(event),
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
  }),
  tests: [
    {
      name: 'a decrypted read by path counts',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'GetParametersByPath',
        requestParameters: { path: '/prod/', recursive: true, withDecryption: true },
      }),
    },
    {
      name: 'a decrypted read of one parameter counts',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'GetParameter',
        requestParameters: { name: '/prod/db/password', withDecryption: true },
      }),
    },
    {
      name: 'a plain read does not count',
      expect: false,
      event: cloudTrailEvent({ eventSource: 'ssm.amazonaws.com', eventName: 'GetParameter', requestParameters: { name: '/prod/feature-flags' } }),
    },
    {
      name: 'a denied decrypted read counts as an attempt',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'GetParameters',
        errorCode: 'AccessDeniedException',
        requestParameters: { names: ['/prod/db/password'], withDecryption: true },
      }),
    },
    {
      name: 'a batch of ten names counts every one',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'GetParameters',
        requestParameters: { names: Array.from({ length: 10 }, (_, i) => `/credentials/stratus-red-team/credentials-${i}`), withDecryption: true },
      }),
    },
    {
      name: 'a decrypted read by an AWS service does not count',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'GetParameter',
        userIdentity: awsServiceIdentity('ecs-tasks.amazonaws.com'),
        requestParameters: { name: '/prod/db/password', withDecryption: true },
      }),
    },
  ],
});
