import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { isTrue, strings } from './fields';
import { accountOf, actorOf, isAwsServiceCall, principalArnOf, requestParam, requestText, succeeded } from './cloudtrail_fields';

const READS = new Set(['GetParameter', 'GetParameters', 'GetParametersByPath']);

/** Only decrypted reads reveal SecureString values; plain reads of configuration are everyday traffic. */
function decrypts(event: CloudTrailEvent): boolean {
  return isTrue(requestParam(event, 'withDecryption'));
}

function parameterOf(event: CloudTrailEvent): string {
  return requestText(event, 'name') ?? requestText(event, 'path') ?? (strings(requestParam(event, 'names')).join(', ') || 'unknown parameters');
}

export default defineRule({
  id: 'AWS.CloudTrail.SsmParametersBulkRead',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description: 'One principal read decrypted SSM parameters 25 or more times within an hour. SecureString parameters hold passwords and keys; sweeping through them (often by path) is credential harvesting.',
  runbook:
    'Look at which parameters and paths were read (alert events). An application reading its own configuration at start-up is expected: suppress it for that role. Otherwise revoke the principal\'s sessions and rotate the values it read.',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html',
  tags: ['TA0006:T1552'],
  threshold: 25,
  rule: (event) => event.eventSource === 'ssm.amazonaws.com' && READS.has(event.eventName ?? '') && decrypts(event) && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => `${actorOf(event)} read many decrypted SSM parameters in ${accountOf(event)} (latest: ${parameterOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({ principalArn: principalArnOf(event), parameter: parameterOf(event), sourceIPAddress: event.sourceIPAddress, userAgent: event.userAgent }),
  tests: [
    { name: 'a decrypted read by path counts', expect: true, event: cloudTrailEvent({ eventSource: 'ssm.amazonaws.com', eventName: 'GetParametersByPath', requestParameters: { path: '/prod/', recursive: true, withDecryption: true } }) },
    { name: 'a decrypted read of one parameter counts', expect: true, event: cloudTrailEvent({ eventSource: 'ssm.amazonaws.com', eventName: 'GetParameter', requestParameters: { name: '/prod/db/password', withDecryption: true } }) },
    { name: 'a plain read does not count', expect: false, event: cloudTrailEvent({ eventSource: 'ssm.amazonaws.com', eventName: 'GetParameter', requestParameters: { name: '/prod/feature-flags' } }) },
    { name: 'a decrypted read that failed does not count', expect: false, event: cloudTrailEvent({ eventSource: 'ssm.amazonaws.com', eventName: 'GetParameters', errorCode: 'AccessDeniedException', requestParameters: { names: ['/prod/db/password'], withDecryption: true } }) },
  ],
});
