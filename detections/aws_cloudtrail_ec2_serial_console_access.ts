import { defineRule } from '../src/detect/rule';
import { cloudTrailEvent, cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, attemptVerb, callContext, principalArnOf, requestText, whereOf } from './lib/cloudtrail_fields';

const CALLS = new Set(['SendSerialConsoleSSHPublicKey', 'EnableSerialConsoleAccess']);

function subjectOf(event: CloudTrailEvent): string {
  return event.eventName === 'EnableSerialConsoleAccess'
    ? `${attemptVerb(event, 'turned', 'tried to turn')} on EC2 serial console access for the account`
    : `${attemptVerb(event, 'pushed', 'tried to push')} a serial console SSH key to ${requestText(event, 'instanceId') ?? 'an instance'}`;
}

export default defineRule({
  id: 'AWS.CloudTrail.Ec2SerialConsoleAccess',
  logTypes: ['AWS.CloudTrail'],
  severity: 'HIGH',
  description:
    "Serial console access was turned on for the account, or an SSH key was pushed to an instance's serial console (or an attempt was made). The serial console reaches the instance below its network: security groups, NACLs and a missing public IP do not stop it. It is meant for rescuing broken instances, rarely needed.",
  runbook:
    'Ask the actor which instance they were rescuing. If none: revoke their sessions or key, check the instance for logins on its serial console (ttyS0 in the auth log) and isolate it if someone got in, then turn serial console access off (`aws ec2 disable-serial-console-access`) and keep it denied by SCP.',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-serial-console.html',
  tags: ['TA0008:T1021', 'TA0003:T1098.004'],
  rule: (event) =>
    (event.eventSource === 'ec2-instance-connect.amazonaws.com' || event.eventSource === 'ec2.amazonaws.com') && CALLS.has(event.eventName ?? ''),
  title: (event) => `${actorOf(event)} ${subjectOf(event)} (${whereOf(event)})`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${requestText(event, 'instanceId') ?? event.eventName}`,
  alertContext: callContext,
  tests: [
    {
      name: 'pushing a key to the serial console matches',
      expect: true,
      event: cloudTrailEvent({
        eventSource: 'ec2-instance-connect.amazonaws.com',
        eventName: 'SendSerialConsoleSSHPublicKey',
        readOnly: false,
        userIdentity: iamUserIdentity('christophe'),
        requestParameters: { instanceId: 'i-0123456789abcdef0', serialPort: 0, sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample' },
      }),
    },
    { name: 'enabling serial console access matches', expect: true, event: cloudTrailWrite({ eventName: 'EnableSerialConsoleAccess', requestParameters: {} }) },
    { name: 'checking whether it is enabled does not match', expect: false, event: cloudTrailEvent({ eventName: 'GetSerialConsoleAccessStatus' }) },
    { name: 'disabling it does not match', expect: false, event: cloudTrailWrite({ eventName: 'DisableSerialConsoleAccess' }) },
  ],
});
