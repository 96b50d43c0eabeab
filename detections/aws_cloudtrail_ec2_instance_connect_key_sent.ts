import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, attemptVerb, callContext, principalArnOf, requestText, wasDenied, whereOf } from './lib/cloudtrail_fields';

function instanceOf(event: CloudTrailEvent): string {
  return requestText(event, 'instanceId') ?? 'unknown instance';
}

function sendKey(fields: Parameters<typeof cloudTrailEvent>[0] = {}): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventSource: 'ec2-instance-connect.amazonaws.com',
    eventName: 'SendSSHPublicKey',
    readOnly: false,
    userIdentity: iamUserIdentity('christophe'),
    requestParameters: { instanceId: 'i-0123456789abcdef0', instanceOSUser: 'ec2-user', sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample' },
    ...fields,
  });
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2InstanceConnectKeySent',
  logTypes: ['AWS.CloudTrail'],
  severity: 'MEDIUM',
  description:
    'An SSH public key was pushed to an instance through EC2 Instance Connect, or an attempt was made. For 60 seconds that key opens an SSH session as the given OS user, with no key pair and no trace on the host beyond the login: a way in for anyone holding AWS credentials with ec2-instance-connect:SendSSHPublicKey.',
  runbook:
    "Ask the actor whether they connected to this instance. If not: revoke their sessions or key, check the instance's auth log for the login that followed (sshd, the OS user named in the alert), and isolate the instance if someone got in. Restrict ec2-instance-connect:SendSSHPublicKey to the people who operate hosts, with a condition on ec2:osuser.",
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-connect-methods.html',
  tags: ['TA0008:T1021.004'],
  rule: (event) => event.eventSource === 'ec2-instance-connect.amazonaws.com' && event.eventName === 'SendSSHPublicKey',
  title: (event) =>
    `${actorOf(event)} ${attemptVerb(event, 'pushed', 'tried to push')} an SSH key for ${requestText(event, 'instanceOSUser') ?? 'a user'} to ${instanceOf(event)} via Instance Connect (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${instanceOf(event)}`,
  dynamicSeverity: (event) => (wasDenied(event) || requestText(event, 'instanceOSUser') === 'root' ? 'HIGH' : 'MEDIUM'),
  alertContext: (event) => ({ ...callContext(event), instanceId: instanceOf(event), osUser: requestText(event, 'instanceOSUser') }),
  tests: [
    { name: 'pushing a key to an instance matches', expect: true, event: sendKey() },
    { name: 'a denied push matches', expect: true, event: sendKey({ errorCode: 'AccessDenied' }) },
    { name: 'describing instance connect endpoints does not match', expect: false, event: cloudTrailEvent({ eventName: 'DescribeInstanceConnectEndpoints' }) },
  ],
});
