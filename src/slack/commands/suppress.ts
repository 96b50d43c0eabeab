import { expiryTime, type Expiry } from '../../alerts/expiry';
import { describeSuppression, type Condition, type Suppression } from '../../alerts/suppression';
import { mrkdwn } from '../escape';
import { entry } from './command';
import { bullet } from './list-reply';
import { identifier, misuse } from './parse-args';

export interface SuppressInput {
  name: 'suppress';
  ruleId: string;
  dedup?: string;
  conditions: Condition[];
  expiry: Expiry;
  reason: string;
}

export interface SuppressionsInput {
  name: 'suppressions';
}

export interface UnsuppressInput {
  name: 'unsuppress';
  id: string;
}

const SUPPRESS_USAGE =
  '/prowl suppress <rule-id> [dedup="key"] [field=value|field~glob|field=a,b|field=10.0.0.0/8 …] for <30m|12h|7d>|until <YYYY-MM-DD[ HH:mm]>|forever reason "why"';
const SUPPRESSIONS_USAGE = '/prowl suppressions — active suppressions and what they caught';
const UNSUPPRESS_USAGE = '/prowl unsuppress <suppression-id> — end a suppression now';

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,9}$/;
const CIDR = /^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/;

function condition(token: string): Condition {
  const match = /^([^=~]+)(=|~)(.*)$/.exec(token);
  if (!match) throw misuse(SUPPRESS_USAGE, `"${token}" is not a condition; write field=value, field~glob*, field=a,b or field=10.0.0.0/8.`);
  const [, field, op, value] = match as unknown as [string, string, string, string];
  if (!FIELD_PATH.test(field)) throw misuse(SUPPRESS_USAGE, `"${field}" is not a field path (like userIdentity.arn).`);
  if (value === '') throw misuse(SUPPRESS_USAGE, `${field} needs a value.`);
  if (op === '~') return { field, op: 'glob', value };
  if (CIDR.test(value)) return { field, op: 'cidr', value };
  if (value.includes(',')) return { field, op: 'oneOf', value: value.split(',').filter(Boolean) };
  return { field, op: 'equals', value };
}

function parseSuppress(args: readonly string[]): SuppressInput {
  const ruleId = identifier(SUPPRESS_USAGE, 'a rule id', args[0]);
  let dedup: string | undefined;
  const conditions: Condition[] = [];
  let expiry: Expiry | undefined;
  let reason = '';
  for (let i = 1; i < args.length; i++) {
    const token = args[i]!;
    const word = token.toLowerCase();
    if (word === 'for') {
      const length = args[++i];
      if (!length || !/^\d+\s*[mhdw]$/i.test(length))
        throw misuse(SUPPRESS_USAGE, `"for" needs a length like 30m, 12h, 7d or 2w${length ? `, not "${length}"` : ''}.`);
      expiry = { kind: 'for', text: length };
    } else if (word === 'until') {
      const date = args[++i];
      const time = args[i + 1] && /^\d{1,2}:\d{2}$/.test(args[i + 1]!) ? args[++i] : undefined;
      if (!date) throw misuse(SUPPRESS_USAGE, '"until" needs a date like 2026-12-01 (and optionally a time like 18:00).');
      expiry = { kind: 'until', text: time ? `${date} ${time}` : date };
    } else if (word === 'forever') {
      expiry = { kind: 'forever' };
    } else if (word === 'reason') {
      reason = args.slice(i + 1).join(' ');
      break;
    } else if (token.startsWith('dedup=')) {
      dedup = token.slice('dedup='.length);
    } else {
      conditions.push(condition(token));
    }
  }
  if (!expiry) throw misuse(SUPPRESS_USAGE, 'say how long: for 7d, until 2026-12-01, or forever.');
  if (reason.trim() === '') throw misuse(SUPPRESS_USAGE, 'give a reason, e.g. reason "nightly scanner".');
  return { name: 'suppress', ruleId, ...(dedup !== undefined ? { dedup } : {}), conditions, expiry, reason: reason.trim() };
}

export const suppressCommand = entry({
  name: 'suppress',
  usage: SUPPRESS_USAGE,
  parse: parseSuppress,
  // Silencing a whole rule is an admin's call; responders may narrow (the use case checks how narrowly).
  permission: (input) =>
    input.dedup === undefined && input.conditions.length === 0
      ? { role: 'admin', what: 'suppress a whole rule' }
      : { role: 'responder', what: 'suppress alerts' },
  async run(input, { ops, actor }): Promise<Suppression> {
    const expiresAt = expiryTime(input.expiry, ops.now(), await ops.timeZoneOf(actor.userId));
    return ops.suppressions.create(
      {
        ruleId: input.ruleId,
        ...(input.dedup !== undefined ? { dedup: input.dedup } : {}),
        conditions: input.conditions,
        ...(expiresAt ? { expiresAt } : {}),
        reason: input.reason,
      },
      actor,
    );
  },
  reply: (created) => ({
    text: mrkdwn`Suppression \`${created.id}\`: ${describeSuppression(created)}. Matches are counted, not lost; \`/prowl unsuppress ${created.id}\` ends it.`,
  }),
});

export const suppressionsCommand = entry({
  name: 'suppressions',
  usage: SUPPRESSIONS_USAGE,
  parse: (): SuppressionsInput => ({ name: 'suppressions' }),
  run: (_, { ops }) => ops.suppressions.active(),
  reply: (active) =>
    bullet(
      active.map((s) => mrkdwn`• \`${s.id}\` ${describeSuppression(s)} — by ${s.createdBy}, caught ${s.suppressedCount}`),
      'No active suppressions.',
    ),
});

export const unsuppressCommand = entry({
  name: 'unsuppress',
  usage: UNSUPPRESS_USAGE,
  parse: (args): UnsuppressInput => ({ name: 'unsuppress', id: identifier(UNSUPPRESS_USAGE, 'a suppression id', args[0]) }),
  // Ending a whole-rule suppression takes an admin; the use case knows the suppression's scope.
  permission: () => ({ role: 'responder', what: 'end this suppression' }),
  run: async (input, { ops, actor }) => void (await ops.suppressions.remove(input.id, actor)),
  reply: (_, input) => ({ text: mrkdwn`Suppression \`${input.id}\` has ended; matches alert again from the next batch.` }),
});
