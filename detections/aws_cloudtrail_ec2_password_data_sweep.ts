import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, awsServiceIdentity, cloudTrailEvent } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, attemptVerb, callContext, isAwsServiceCall, principalArnOf, requestText, wasDenied, whereOf } from './lib/cloudtrail_fields';

function instanceOf(event: CloudTrailEvent): string[] {
  const instance = requestText(event, 'instanceId');
  return instance === undefined ? [] : [instance];
}

function passwordData(instanceId: string, fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({ eventName: 'GetPasswordData', requestParameters: { instanceId }, ...fields });
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2PasswordDataSweep',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'One principal asked for the Windows administrator password of 5 or more different EC2 instances within an hour (ec2:GetPasswordData), counting denied attempts. An administrator fetches the password of the instance they are about to log in to; a sweep across instances, usually failing, is an attacker looking for RDP credentials.',
  runbook:
    'List the instance ids tried (alert: distinct values) and the error codes. Denied attempts mean the principal is probing with credentials it holds: find where they came from (source IP, user agent), revoke the session or deactivate the key. For any that succeeded, rotate the Windows administrator password of those instances and review RDP logins since.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetPasswordData.html',
  tags: ['TA0006:T1552'],
  threshold: 5,
  rule: (event) => event.eventSource === 'ec2.amazonaws.com' && event.eventName === 'GetPasswordData' && !isAwsServiceCall(event),
  distinctValues: instanceOf,
  title: (event) => `${actorOf(event)} ${attemptVerb(event, 'retrieved', 'tried to retrieve')} the Windows passwords of many instances in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}`,
  dynamicSeverity: (event) => (wasDenied(event) ? 'HIGH' : 'MEDIUM'),
  alertContext: callContext,
  tests: [
    {
      name: 'a denied attempt counts, as Stratus Red Team detonates it',
      expect: true,
      event: passwordData('i-0a1b2c3d4e5f67890', {
        userIdentity: assumedRoleIdentity('stratus-red-team-ec2-get-password-data-role', 'aws-go-sdk-1722375070115152000'),
        errorCode: 'Client.UnauthorizedOperation',
        errorMessage: 'You are not authorized to perform this operation.',
      }),
    },
    { name: 'a successful retrieval counts', expect: true, event: passwordData('i-0123456789abcdef0') },
    {
      name: 'other EC2 reads do not count',
      expect: false,
      event: cloudTrailEvent({ eventName: 'DescribeInstances', requestParameters: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] } } }),
    },
    {
      name: 'a service fetching the password does not count',
      expect: false,
      event: passwordData('i-0123456789abcdef0', { userIdentity: awsServiceIdentity('ssm.amazonaws.com') }),
    },
  ],
});
