import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, strings, text } from './lib/fields';
import { accountOf, actorOf, attemptVerb, callContext, isAwsServiceCall, principalArnOf, requestParam, wasDenied, whereOf } from './lib/cloudtrail_fields';

/** `tag-key=StratusRedTeam`, `name=prod/`: the filters a batch read selects secrets with. */
function filtersOf(event: CloudTrailEvent): string[] {
  return list(requestParam(event, 'filters')).map((filter) => `${text(dig(filter, 'key')) ?? '?'}=${strings(dig(filter, 'values')).join(',')}`);
}

function batch(filters: unknown, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'BatchGetSecretValue', requestParameters: { filters }, ...fields });
}

export default defineRule({
  id: 'AWS.CloudTrail.SecretsBatchRetrievalByFilter',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'Secret values were read, or an attempt was made, with BatchGetSecretValue and a filter instead of a list of names: "give me every secret that matches", up to 20 per call. Applications know which secrets they need; a filter (especially a catch-all such as a negated tag key) is how attackers dump a secret store in a few quiet calls.',
  runbook:
    "Read the filter (alert context) and which secrets it matches (`aws secretsmanager list-secrets --filters …`). If an application is known to read its secrets by tag, suppress this rule for its role. Otherwise revoke the principal's sessions or keys and rotate every secret the filter matches.",
  reference: 'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_BatchGetSecretValue.html',
  tags: ['TA0006:T1555.006'],
  rule: (event) =>
    event.eventSource === 'secretsmanager.amazonaws.com' &&
    event.eventName === 'BatchGetSecretValue' &&
    !isAwsServiceCall(event) &&
    filtersOf(event).length > 0,
  title: (event) => `${actorOf(event)} ${attemptVerb(event, 'read', 'tried to read')} secrets by filter (${filtersOf(event).join('; ')}) in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  dynamicSeverity: (event) => (event.userIdentity?.type === 'IAMUser' || wasDenied(event) ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), filters: filtersOf(event) }),
  tests: [
    {
      name: 'a catch-all filter by an IAM user matches',
      expect: true,
      event: batch([{ key: 'tag-key', values: ['!tagKeyThatWillNeverExist'] }], { userIdentity: iamUserIdentity('christophe') }),
    },
    { name: 'a denied batch read by filter matches', expect: true, event: batch([{ key: 'name', values: ['prod/'] }], { errorCode: 'AccessDeniedException' }) },
    {
      name: 'a batch read of named secrets does not match',
      expect: false,
      event: cloudTrailEvent({
        eventSource: 'secretsmanager.amazonaws.com',
        eventName: 'BatchGetSecretValue',
        requestParameters: { secretIdList: ['prod/db/orders'] },
      }),
    },
    {
      name: 'a batch read by an AWS service does not match',
      expect: false,
      event: batch([{ key: 'name', values: ['prod/'] }], { userIdentity: awsServiceIdentity('lambda.amazonaws.com') }),
    },
  ],
});
