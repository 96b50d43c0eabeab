import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { strings } from './lib/fields';
import { accountOf, actorOf, attemptVerb, isAwsServiceCall, principalArnOf, requestParam, requestText } from './lib/cloudtrail_fields';

const READS = new Set(['GetSecretValue', 'BatchGetSecretValue']);

/** The secrets one call asks for: GetSecretValue names one, BatchGetSecretValue lists up to 20 (a filter is its own rule). */
function secretsOf(event: CloudTrailEvent): string[] {
  const one = requestText(event, 'secretId');
  return one !== undefined ? [one] : strings(requestParam(event, 'secretIdList'));
}

function secretOf(event: CloudTrailEvent): string {
  const secrets = secretsOf(event);
  return secrets.length === 0 ? 'secrets chosen by a filter' : secrets.length === 1 ? secrets[0]! : `${secrets.length} secrets in one batch`;
}

export default defineRule({
  id: 'AWS.CloudTrail.SecretsBulkRead',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'One principal read, or tried to read, the values of 10 or more different Secrets Manager secrets within an hour, counting every secret a BatchGetSecretValue call names and denied attempts. Applications read the same few secrets over and over; a sweep through many different secrets is credential harvesting.',
  runbook:
    'Look at which secrets were read (alert events) and from where. An application role reading its own secrets on every request is a tuning problem: suppress it for that role. A person, or a role reading secrets it never touched before, is the concern: revoke the sessions, then rotate every secret it read.',
  reference: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/monitoring-cloudtrail.html',
  tags: ['TA0006:T1555.006'],
  threshold: 10,
  rule: (event) =>
    event.eventSource === 'secretsmanager.amazonaws.com' && READS.has(event.eventName ?? '') && !isAwsServiceCall(event) && secretsOf(event).length > 0,
  distinctValues: secretsOf,
  title: (event) =>
    `${actorOf(event)} ${attemptVerb(event, 'read', 'tried to read')} many different secrets in ${accountOf(event)} (latest: ${secretOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  alertContext: (event) => ({
    principalArn: principalArnOf(event),
    secrets: secretsOf(event),
    errorCode: event.errorCode ?? undefined,
    sourceIPAddress: event.sourceIPAddress,
    userAgent: event.userAgent,
  }),
  tests: [
    {
      name: 'reading a secret counts',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'GetSecretValue',
        requestParameters: { secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db/orders-AbCdEf' },
      }),
    },
    {
      name: 'a batch read counts every secret it names',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'BatchGetSecretValue',
        requestParameters: { secretIdList: ['prod/db/orders', 'prod/api/stripe', 'prod/api/sendgrid'] },
      }),
    },
    {
      name: 'a batch read by filter is left to SecretsBatchRetrievalByFilter',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'BatchGetSecretValue',
        requestParameters: { filters: [{ key: 'tag-key', values: ['!none'] }] },
      }),
    },
    {
      name: 'listing secrets does not count',
      expect: false,
      event: cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'ListSecrets' }),
    },
    {
      name: 'a denied read counts as an attempt',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'GetSecretValue',
        errorCode: 'AccessDeniedException',
        requestParameters: { secretId: 'prod/db/orders' },
      }),
    },
    {
      name: 'a rotation Lambda invoked by the service does not count',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'GetSecretValue',
        userIdentity: awsServiceIdentity('secretsmanager.amazonaws.com'),
        requestParameters: { secretId: 'prod/db/orders' },
      }),
    },
  ],
});
