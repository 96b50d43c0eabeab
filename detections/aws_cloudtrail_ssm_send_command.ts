import { defineRule } from '../src/detect/rule';
import { assumedRoleIdentity, cloudTrailWrite } from '../src/detect/test-events';
import type { CloudTrailEvent } from '../src/logs/cloudtrail';
import { dig, list, strings } from './lib/fields';
import { accountOf, actorOf, callContext, isAwsServiceCall, principalArnOf, requestParam, requestText, succeeded, whereOf } from './lib/cloudtrail_fields';

/** Documents that run whatever commands the caller passes. */
const SHELL_DOCUMENTS = new Set(['AWS-RunShellScript', 'AWS-RunPowerShellScript', 'AWS-RunRemoteScript']);

function targetsOf(event: CloudTrailEvent): string {
  const ids = strings(requestParam(event, 'instanceIds'));
  if (ids.length > 0) return ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
  const byTag = list(requestParam(event, 'targets')).map((target) => `${strings(dig(target, 'key')).join('')}=${strings(dig(target, 'values')).join('|')}`);
  return byTag.length > 0 ? `targets ${byTag.join(', ')}` : 'unknown targets';
}

export default defineRule({
  id: 'AWS.CloudTrail.SsmSendCommand',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description:
    "Someone ran an SSM command on instances. Run Command executes as root/SYSTEM on every target, so it is both an admin tool and an attacker's lateral-movement tool; shell-script documents get medium severity. State Manager associations run by the SSM service are skipped.",
  runbook:
    'Check the document and targets (alert context) and ask the actor what the command was for. The command text is hidden in CloudTrail: read it with `aws ssm list-commands --command-id <id>` (response commandId) or in the SSM console. Unexpected commands: isolate the targets and review their command output and logins.',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/run-command.html',
  tags: ['TA0002:T1651', 'TA0008:T1021.007'],
  rule: (event) => event.eventSource === 'ssm.amazonaws.com' && event.eventName === 'SendCommand' && succeeded(event) && !isAwsServiceCall(event),
  title: (event) => `${actorOf(event)} ran SSM ${requestText(event, 'documentName') ?? 'command'} on ${targetsOf(event)} in ${whereOf(event)}`,
  dedup: (event) => `${accountOf(event)}:${principalArnOf(event)}:${requestText(event, 'documentName') ?? ''}`,
  dynamicSeverity: (event) => (SHELL_DOCUMENTS.has(requestText(event, 'documentName') ?? '') ? 'MEDIUM' : 'LOW'),
  alertContext: (event) => ({ ...callContext(event), commandId: dig(event.responseElements, 'command', 'commandId') }),
  tests: [
    {
      name: 'a shell script on an instance matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'SendCommand',
        userIdentity: assumedRoleIdentity('Engineer', 'mallory'),
        requestParameters: {
          instanceIds: ['i-0123456789abcdef0'],
          documentName: 'AWS-RunShellScript',
          parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          interactive: false,
        },
        responseElements: { command: { commandId: '0831e1a8-a1ac-4257-a1fd-c831bEXAMPLE', documentName: 'AWS-RunShellScript', status: 'Pending' } },
      }),
    },
    {
      name: 'a patch run by tag matches',
      expect: true,
      event: cloudTrailWrite({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'SendCommand',
        requestParameters: {
          targets: [{ key: 'tag:Env', values: ['prod'] }],
          documentName: 'AWS-RunPatchBaseline',
          parameters: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        },
      }),
    },
    {
      name: 'State Manager running an association does not match',
      expect: false,
      event: cloudTrailWrite({
        eventSource: 'ssm.amazonaws.com',
        eventName: 'SendCommand',
        userIdentity: { type: 'AWSService', invokedBy: 'ssm.amazonaws.com' },
        requestParameters: { documentName: 'AWS-GatherSoftwareInventory' },
      }),
    },
    {
      name: 'listing commands does not match',
      expect: false,
      event: cloudTrailWrite({ eventSource: 'ssm.amazonaws.com', eventName: 'ListCommands', readOnly: true }),
    },
  ],
});
