import { defineRule } from '../src/detect/rule';
import { cloudTrailWrite, iamUserIdentity } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { accountOf, actorOf, callContext, principalArnOf, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Port forwarding to another host turns an instance into a pivot into the rest of the network. */
const PIVOT_DOCUMENTS = new Set(['AWS-StartPortForwardingSessionToRemoteHost', 'AWS-StartPortForwardingSessionToSocket']);

function documentOf(event: CloudTrailEvent): string {
  return requestText(event, 'documentName') ?? 'interactive shell';
}

export default defineRule({
  id: 'AWS.CloudTrail.SsmStartSession',
  logTypes: ['AWS.CloudTrail'],
  severity: 'INFO',
  description:
    'Someone opened an SSM Session Manager session to an instance: a root shell or a port forward without SSH. Recorded so a responder can tie later activity on the host to a person; port forwarding to a remote host is raised to medium.',
  runbook:
    'Usually routine. If the principal is unexpected for this instance, or the session forwards to a remote host, ask the actor, read the session log (Session Manager → Session history, or its S3/CloudWatch log), and terminate the session (`aws ssm terminate-session`) if it is not theirs.',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html',
  tags: ['TA0008:T1021.007', 'TA0002:T1651', 'TA0011:T1572'],
  rule: (event) => event.eventSource === 'ssm.amazonaws.com' && event.eventName === 'StartSession' && succeeded(event),
  title: (event) =>
    `${actorOf(event)} started an SSM session (${documentOf(event)}) to ${requestText(event, 'target') ?? 'an unknown target'} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${requestText(event, 'target') ?? ''}`,
  dynamicSeverity: (event) => (PIVOT_DOCUMENTS.has(documentOf(event)) || event.userIdentity?.type === 'IAMUser' ? 'MEDIUM' : 'INFO'),
  alertContext: callContext,
  tests: [
    {
      name: 'an interactive session matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'StartSession',
        requestParameters: { target: 'i-0123456789abcdef0' },
        responseElements: {
          sessionId: 'alice-07a16060613c408b5',
          tokenValue: 'Value hidden due to security reasons.',
          streamUrl: 'wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/alice-07a16060613c408b5',
        },
      }),
    },
    {
      name: 'a port forward to a remote database matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'StartSession',
        userIdentity: iamUserIdentity('bob'),
        requestParameters: {
          target: 'i-0123456789abcdef0',
          documentName: 'AWS-StartPortForwardingSessionToRemoteHost',
          parameters: { host: ['prod-db.internal'], portNumber: ['5432'] },
        },
      }),
    },
    {
      name: 'terminating a session does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'ssm.amazonaws.com', eventName: 'TerminateSession', requestParameters: { sessionId: 'alice-07a16060613c408b5' } }),
    },
  ],
});
