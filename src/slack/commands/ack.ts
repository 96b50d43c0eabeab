import { mrkdwn } from '../escape';
import { entry, resolveAlert } from './command';
import { alertReference } from './parse-args';

export interface AckInput {
  name: 'ack';
  alertId: string;
}

export interface UnackInput {
  name: 'unack';
  alertId: string;
}

const ACK_USAGE = '/prowl ack <alert-id> — acknowledge an open alert';
const UNACK_USAGE = '/prowl unack <alert-id> — put an acknowledged alert back to open';

export const ackCommand = entry({
  name: 'ack',
  usage: ACK_USAGE,
  parse: (args): AckInput => ({ name: 'ack', alertId: alertReference(ACK_USAGE, args[0]) }),
  resolve: resolveAlert,
  permission: (input) => ({ role: 'responder', what: 'acknowledge alerts', alertId: input.alertId }),
  run: async (input, { ops, actor }) => void (await ops.triage.acknowledge(input.alertId, actor)),
  reply: (_, input) => ({ text: mrkdwn`Acknowledged \`${input.alertId}\`.` }),
});

export const unackCommand = entry({
  name: 'unack',
  usage: UNACK_USAGE,
  parse: (args): UnackInput => ({ name: 'unack', alertId: alertReference(UNACK_USAGE, args[0]) }),
  resolve: resolveAlert,
  permission: (input) => ({ role: 'responder', what: 'unacknowledge alerts', alertId: input.alertId }),
  run: async (input, { ops, actor }) => void (await ops.triage.unacknowledge(input.alertId, actor)),
  reply: (_, input) => ({ text: mrkdwn`\`${input.alertId}\` is open again.` }),
});
