import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, isAwsServiceCall, principalArnOf, requestText, succeeded } from './cloudtrail_fields';

const READS = new Set(['GetSecretValue', 'BatchGetSecretValue']);

function secretOf(event: CloudTrailEvent): string {
  return requestText(event, 'secretId') ?? 'several secrets (batch)';
}

export default defineRule({
  id: 'AWS.CloudTrail.SecretsBulkRead',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description: 'One principal read secret values from Secrets Manager 25 or more times within an hour. Applications read a few secrets at start-up; a sweep through many secrets is credential harvesting.',
  runbook:
    'Look at which secrets were read (alert events) and from where. An application role reading its own secrets on every request is a tuning problem: suppress it for that role. A person, or a role reading secrets it never touched before, is the concern: revoke the sessions, then rotate every secret it read.',
  reference: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring-cloudtrail.html',
  tags: ['TA0006:T1555.006'],
  threshold: 25,
  rule: (event) => event.eventSource === 'secretsmanager.amazonaws.com' && READS.has(event.eventName ?? '') && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => `${actorOf(event)} read many secrets in ${accountOf(event)} ${event.awsRegion ?? ''} (latest: ${secretOf(event)})`.trimEnd(),
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({ principalArn: principalArnOf(event), secret: secretOf(event), sourceIPAddress: event.sourceIPAddress, userAgent: event.userAgent }),
  tests: [
    {
      name: 'reading a secret counts',
      expect: true,
      event: cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'GetSecretValue', requestParameters: { secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/orders-AbCdEf' } }),
    },
    { name: 'a batch read counts', expect: true, event: cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'BatchGetSecretValue', requestParameters: { filters: [{ key: 'name', values: ['prod/'] }] } }) },
    { name: 'listing secrets does not count', expect: false, event: cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'ListSecrets' }) },
    { name: 'a denied read does not count', expect: false, event: cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'GetSecretValue', errorCode: 'AccessDeniedException', requestParameters: { secretId: 'prod/db/orders' } }) },
    { name: 'a rotation Lambda invoked by the service does not count', expect: false, event: cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'GetSecretValue', userIdentity: awsServiceIdentity('secretsmanager.amazonaws.com'), requestParameters: { secretId: 'prod/db/orders' } }) },
  ],
});
