import { ALERT_STATUSES, RESOLUTIONS, type AlertStatus, type Resolution } from '../alerts/alert';
import { ProwlError } from '../errors';

export type Command =
  | { name: 'help' }
  | { name: 'alerts'; status: AlertStatus }
  | { name: 'ack'; alertId: string }
  | { name: 'unack'; alertId: string }
  | { name: 'resolve'; alertId: string; reason: Resolution; note?: string };

/** One line per command; `/prowl help` prints these and misuse quotes the relevant one. */
export const USAGE: Record<Command['name'], string> = {
  help: '/prowl help — this list',
  alerts: '/prowl alerts [open|acked|resolved] — recent alerts in that state (default open)',
  ack: '/prowl ack <alert-id> — acknowledge an open alert',
  unack: '/prowl unack <alert-id> — put an acknowledged alert back to open',
  resolve: `/prowl resolve <alert-id> [${RESOLUTIONS.join('|')}] [note…] — resolve an alert (default reason: true-positive)`,
};

const STATUS_WORDS: Record<string, AlertStatus> = { open: 'OPEN', acked: 'ACKNOWLEDGED', acknowledged: 'ACKNOWLEDGED', resolved: 'RESOLVED' };

/** Splits on spaces, keeping "quoted phrases" together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) tokens.push(match[1] ?? match[2]!);
  return tokens;
}

function misuse(name: Command['name'], problem: string): ProwlError {
  return new ProwlError('prowl_bad_command', `${problem}\nUsage: ${USAGE[name]}`);
}

function alertIdArgument(name: Command['name'], args: string[]): string {
  const id = args[0];
  if (!id) throw misuse(name, 'an alert id is missing.');
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(id)) throw misuse(name, `"${id.slice(0, 40)}" is not an alert id (letters, digits, dots, dashes).`);
  return id;
}

/** Parses the text after `/prowl`. Errors name what was wrong and show the usage. */
export function parseCommand(text: string): Command {
  const [word, ...args] = tokenize(text.trim());
  switch ((word ?? 'help').toLowerCase()) {
    case 'help':
      return { name: 'help' };
    case 'alerts': {
      const status = args[0] ? STATUS_WORDS[args[0].toLowerCase()] : 'OPEN';
      if (!status) throw misuse('alerts', `unknown state "${args[0]}"; use one of ${Object.keys(STATUS_WORDS).join(', ')}.`);
      return { name: 'alerts', status };
    }
    case 'ack':
      return { name: 'ack', alertId: alertIdArgument('ack', args) };
    case 'unack':
      return { name: 'unack', alertId: alertIdArgument('unack', args) };
    case 'resolve': {
      const alertId = alertIdArgument('resolve', args);
      const [reasonWord, ...note] = args.slice(1);
      const reason = (reasonWord ?? 'true-positive') as Resolution;
      if (!RESOLUTIONS.includes(reason)) throw misuse('resolve', `unknown reason "${reasonWord}"; use one of ${RESOLUTIONS.join(', ')}.`);
      return { name: 'resolve', alertId, reason, ...(note.length > 0 ? { note: note.join(' ') } : {}) };
    }
    default:
      throw new ProwlError('prowl_bad_command', `unknown command "${word}". Try one of:\n${Object.values(USAGE).join('\n')}`);
  }
}

export { ALERT_STATUSES };
