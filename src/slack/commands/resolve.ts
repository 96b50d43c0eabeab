import { RESOLUTIONS, type Resolution } from '../../alerts/alert';
import { mrkdwn } from '../escape';
import { entry, resolveAlert } from './command';
import { alertReference, misuse } from './parse-args';

export interface ResolveInput {
  name: 'resolve';
  alertId: string;
  reason: Resolution;
  note?: string;
}

const USAGE = `/prowl resolve <alert-id> [${RESOLUTIONS.join('|')}] [note…] — resolve an alert (default reason: true-positive)`;

function parse(args: readonly string[]): ResolveInput {
  const alertId = alertReference(USAGE, args[0]);
  const [reasonWord, ...note] = args.slice(1);
  const reason = (reasonWord ?? 'true-positive') as Resolution;
  if (!RESOLUTIONS.includes(reason)) throw misuse(USAGE, `unknown reason "${reasonWord}"; use one of ${RESOLUTIONS.join(', ')}.`);
  return { name: 'resolve', alertId, reason, ...(note.length > 0 ? { note: note.join(' ') } : {}) };
}

export const resolveCommand = entry({
  name: 'resolve',
  usage: USAGE,
  parse,
  resolve: resolveAlert,
  permission: (input) => ({ role: 'responder', what: 'resolve alerts', alertId: input.alertId }),
  run: async (input, { ops, actor }) => void (await ops.triage.resolve(input.alertId, actor, input.reason, input.note)),
  reply: (_, input) => ({ text: mrkdwn`Resolved \`${input.alertId}\` as ${input.reason}.` }),
});
