import { defineRule } from '../src/detect/rule';
import { awsServiceIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, attemptVerb, callContext, isAwsServiceCall, principalArnOf, requestText, wasDenied, whereOf } from './lib/cloudtrail_fields';

function instanceOf(event: CloudTrailEvent): string[] {
  const instance = requestText(event, 'instanceId');
  return instance === undefined ? [] : [instance];
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2UserDataRead',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "Someone read, or tried to read, an instance's user data; denied attempts (probing with credentials that lack the permission) are medium severity. Boot scripts often carry passwords, tokens and keys, so reading them is a favourite credential-harvesting step after initial access.",
  runbook:
    "Ask the principal's owner whether they were debugging a boot script. Several instances read in a row, from an unusual address, or by a principal that never did so before suggests harvesting: check what secrets the user data holds, rotate them, and move them to Secrets Manager or SSM parameters.",
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html',
  tags: ['TA0006:T1552', 'TA0007:T1580'],
  rule: (event) =>
    event.eventSource === 'ec2.amazonaws.com' &&
    event.eventName === 'DescribeInstanceAttribute' &&
    requestText(event, 'attribute') === 'userData' &&
    !isAwsServiceCall(event),
  distinctValues: instanceOf,
  title: (event) =>
    `${actorOf(event)} ${attemptVerb(event, 'read', 'tried to read')} the user data of ${requestText(event, 'instanceId') ?? 'an instance'} in ${whereOf(event)}`,
  // Per principal: reading twenty instances' user data is one harvesting session.
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  dynamicSeverity: (event) => (wasDenied(event) ? 'MEDIUM' : 'LOW'),
  alertContext: callContext,
  tests: [
    {
      name: 'reading user data matches',
      expect: true,
      event: cloudTrailEvent({ eventName: 'DescribeInstanceAttribute', requestParameters: { instanceId: 'i-0123456789abcdef0', attribute: 'userData' } }),
    },
    {
      name: 'a denied read matches, as Stratus Red Team detonates it',
      expect: true,
      event: cloudTrailEvent({
        eventName: 'DescribeInstanceAttribute',
        errorCode: 'Client.UnauthorizedOperation',
        requestParameters: { instanceId: 'i-95b86090', attribute: 'userData' },
      }),
    },
    {
      name: 'reading another attribute does not match',
      expect: false,
      event: cloudTrailEvent({ eventName: 'DescribeInstanceAttribute', requestParameters: { instanceId: 'i-0123456789abcdef0', attribute: 'instanceType' } }),
    },
    {
      name: 'a service reading user data does not match',
      expect: false,
      event: cloudTrailEvent({
        eventName: 'DescribeInstanceAttribute',
        userIdentity: awsServiceIdentity('autoscaling.amazonaws.com'),
        requestParameters: { instanceId: 'i-0123456789abcdef0', attribute: 'userData' },
      }),
    },
  ],
});
