import { RESOLUTIONS, type AlertStatus, type Resolution } from '../alerts/alert';
import type { Condition } from '../alerts/suppression';
import { SEVERITIES, type Severity } from '../config/severity';
import { ProwlError } from '../errors';

import { STATS_PERIODS, type StatsPeriod } from '../alerts/alert-stats';
import type { Expiry } from '../alerts/expiry';
import type { RouteChange } from '../alerts/route-admin';

export type { Expiry, RouteChange };

export type Command =
  | { name: 'help' }
  | { name: 'alerts'; status: AlertStatus; team?: string; minSeverity?: Severity }
  | { name: 'ack'; alertId: string }
  | { name: 'unack'; alertId: string }
  | { name: 'resolve'; alertId: string; reason: Resolution; note?: string }
  | { name: 'suppress'; ruleId: string; dedup?: string; conditions: Condition[]; expiry: Expiry; reason: string }
  | { name: 'suppressions' }
  | { name: 'unsuppress'; id: string }
  | { name: 'rules'; action: 'list'; filter?: string }
  | { name: 'rules'; action: 'show' | 'enable'; ruleId: string }
  | { name: 'rules'; action: 'disable'; ruleId: string; reason?: string }
  | { name: 'route'; action: 'list' }
  | { name: 'route'; action: 'set'; team: string; change: RouteChange }
  | { name: 'route'; action: 'remove'; team: string }
  | { name: 'audit'; subject?: string }
  | { name: 'search'; query: string }
  | { name: 'sql'; statement: string }
  | { name: 'scan'; accountId?: string; resourceType?: string }
  | { name: 'events'; alertId: string }
  | { name: 'home' }
  | { name: 'stats'; team?: string; period: StatsPeriod };

type Name = Command['name'];

/** One line per command; `/prowl help` prints these and misuse quotes the relevant one. */
export const USAGE: Record<Name, string> = {
  help: '/prowl help — this list',
  alerts: '/prowl alerts [open|acked|resolved] [team] [severity>=LEVEL] — recent alerts (default: open)',
  ack: '/prowl ack <alert-id> — acknowledge an open alert',
  unack: '/prowl unack <alert-id> — put an acknowledged alert back to open',
  events: "/prowl events <alert-id> — what the alert's actor did around it, from the lake (the Show events button)",
  resolve: `/prowl resolve <alert-id> [${RESOLUTIONS.join('|')}] [note…] — resolve an alert (default reason: true-positive)`,
  suppress:
    '/prowl suppress <rule-id> [dedup="key"] [field=value|field~glob|field=a,b|field=10.0.0.0/8 …] for <30m|12h|7d>|until <YYYY-MM-DD[ HH:mm]>|forever reason "why"',
  suppressions: '/prowl suppressions — active suppressions and what they caught',
  unsuppress: '/prowl unsuppress <suppression-id> — end a suppression now',
  rules: '/prowl rules [list [filter]|show <rule-id>|enable <rule-id>|disable <rule-id> [reason…]]',
  route: '/prowl route [list|set <team> channel=#c [minSeverity=HIGH] [accounts=…] [tags=…] [rules=…] [logTypes=…] [sources=…] [responders=…]|remove <team>]',
  audit: '/prowl audit [alert-id|rule-id|suppression-id|team] — who changed what',
  search: '/prowl search <log-type|any> [field op value …] [last 24h|since <date> [until <date>]] [limit N] [fields a,b] — search the logs',
  sql: '/prowl sql SELECT … — read-only SQL over the lake tables (admins)',
  scan: '/prowl scan [account-id] [resource-type] — run the cloud-security scan now (responders)',
  home: '/prowl home — your alerts: assigned to you, your teams’ open ones, recently resolved (the Home tab as text)',
  stats: `/prowl stats [team] [${Object.keys(STATS_PERIODS).join('|')}] — alerts opened, acknowledged, resolved; mean time to acknowledge and resolve (default 7d)`,
};

const STATUS_WORDS: Record<string, AlertStatus> = { open: 'OPEN', acked: 'ACKNOWLEDGED', acknowledged: 'ACKNOWLEDGED', resolved: 'RESOLVED' };
const IDENTIFIER = /^[A-Za-z0-9._:*-]{1,200}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,9}$/;
const CIDR = /^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/;

/** Splits on spaces, keeping "quoted phrases" together (also after `key=`). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /(\S*?)"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) tokens.push(match[3] ?? `${match[1]}${match[2]}`);
  return tokens;
}

function misuse(name: Name, problem: string): ProwlError {
  return new ProwlError('prowl_bad_command', `${problem}\nUsage: ${USAGE[name]}`);
}

function identifier(name: Name, what: string, value: string | undefined): string {
  if (!value) throw misuse(name, `${what} is missing.`);
  if (!IDENTIFIER.test(value)) throw misuse(name, `"${value.slice(0, 40)}" is not ${what} (letters, digits and . _ : - only).`);
  return value;
}

function condition(token: string): Condition {
  const match = /^([^=~]+)(=|~)(.*)$/.exec(token);
  if (!match) throw misuse('suppress', `"${token}" is not a condition; write field=value, field~glob*, field=a,b or field=10.0.0.0/8.`);
  const [, field, op, value] = match as unknown as [string, string, string, string];
  if (!FIELD_PATH.test(field)) throw misuse('suppress', `"${field}" is not a field path (like userIdentity.arn).`);
  if (value === '') throw misuse('suppress', `${field} needs a value.`);
  if (op === '~') return { field, op: 'glob', value };
  if (CIDR.test(value)) return { field, op: 'cidr', value };
  if (value.includes(',')) return { field, op: 'oneOf', value: value.split(',').filter(Boolean) };
  return { field, op: 'equals', value };
}

function parseSuppress(args: string[]): Command {
  const ruleId = identifier('suppress', 'a rule id', args[0]);
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
        throw misuse('suppress', `"for" needs a length like 30m, 12h, 7d or 2w${length ? `, not "${length}"` : ''}.`);
      expiry = { kind: 'for', text: length };
    } else if (word === 'until') {
      const date = args[++i];
      const time = args[i + 1] && /^\d{1,2}:\d{2}$/.test(args[i + 1]!) ? args[++i] : undefined;
      if (!date) throw misuse('suppress', '"until" needs a date like 2026-12-01 (and optionally a time like 18:00).');
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
  if (!expiry) throw misuse('suppress', 'say how long: for 7d, until 2026-12-01, or forever.');
  if (reason.trim() === '') throw misuse('suppress', 'give a reason, e.g. reason "nightly scanner".');
  return { name: 'suppress', ruleId, ...(dedup !== undefined ? { dedup } : {}), conditions, expiry, reason: reason.trim() };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

const ROUTE_KEYS: Record<string, (change: RouteChange, value: string) => void> = {
  channel: (c, v) => (c.channel = v),
  minseverity: (c, v) => {
    const severity = v.toUpperCase() as Severity;
    if (!SEVERITIES.includes(severity)) throw misuse('route', `minSeverity must be one of ${SEVERITIES.join(', ')}.`);
    c.minSeverity = severity;
  },
  rules: (c, v) => (c.ruleIds = list(v)),
  tags: (c, v) => (c.tags = list(v)),
  logtypes: (c, v) => (c.logTypes = list(v)),
  accounts: (c, v) => (c.accounts = list(v)),
  sources: (c, v) => (c.sources = list(v)),
  responders: (c, v) => (c.responders = list(v)),
};

function parseRoute(args: string[]): Command {
  const [action = 'list', team, ...rest] = args;
  if (action === 'list') return { name: 'route', action: 'list' };
  if (action === 'remove') return { name: 'route', action: 'remove', team: identifier('route', 'a team name', team) };
  if (action !== 'set') throw misuse('route', `unknown route action "${action}".`);
  const change: RouteChange = {};
  for (const token of rest) {
    const [key, ...value] = token.split('=');
    const apply = ROUTE_KEYS[(key ?? '').toLowerCase()];
    if (!apply || value.length === 0) throw misuse('route', `"${token}" is not a route setting; use ${Object.keys(ROUTE_KEYS).join(', ')} as key=value.`);
    apply(change, value.join('='));
  }
  return { name: 'route', action: 'set', team: identifier('route', 'a team name', team), change };
}

function parseRules(args: string[]): Command {
  const [action = 'list', ...rest] = args;
  switch (action) {
    case 'list':
      return { name: 'rules', action: 'list', ...(rest[0] ? { filter: rest.join(' ') } : {}) };
    case 'show':
    case 'enable':
      return { name: 'rules', action, ruleId: identifier('rules', 'a rule id', rest[0]) };
    case 'disable':
      return {
        name: 'rules',
        action: 'disable',
        ruleId: identifier('rules', 'a rule id', rest[0]),
        ...(rest.length > 1 ? { reason: rest.slice(1).join(' ') } : {}),
      };
    default:
      throw misuse('rules', `unknown rules action "${action}".`);
  }
}

function parseAlerts(args: string[]): Command {
  let status: AlertStatus = 'OPEN';
  let team: string | undefined;
  let minSeverity: Severity | undefined;
  for (const arg of args) {
    const state = STATUS_WORDS[arg.toLowerCase()];
    const severity = /^severity>=(\w+)$/i.exec(arg);
    if (state) status = state;
    else if (severity) {
      const level = severity[1]!.toUpperCase() as Severity;
      if (!SEVERITIES.includes(level)) throw misuse('alerts', `unknown severity "${severity[1]}"; use one of ${SEVERITIES.join(', ')}.`);
      minSeverity = level;
    } else if (/^[a-z0-9][a-z0-9-]*$/.test(arg) && !team) team = arg;
    else throw misuse('alerts', `"${arg}" is not a state (${Object.keys(STATUS_WORDS).join(', ')}), a team name, or severity>=LEVEL.`);
  }
  return { name: 'alerts', status, ...(team ? { team } : {}), ...(minSeverity ? { minSeverity } : {}) };
}

function parseStats(args: string[]): Command {
  let period: StatsPeriod = '7d';
  let team: string | undefined;
  for (const arg of args) {
    const word = arg.toLowerCase();
    if (word in STATS_PERIODS) period = word as StatsPeriod;
    else if (/^[a-z0-9][a-z0-9-]*$/.test(arg) && !team) team = arg;
    else throw misuse('stats', `"${arg.slice(0, 40)}" is neither a period (${Object.keys(STATS_PERIODS).join(', ')}) nor a team name.`);
  }
  return { name: 'stats', period, ...(team ? { team } : {}) };
}

/** Parses the text after `/prowl`. Errors name what was wrong and show the usage. */
export function parseCommand(text: string): Command {
  const trimmed = text.trim();
  const [word, ...args] = tokenize(trimmed);
  switch ((word ?? 'help').toLowerCase()) {
    case 'help':
      return { name: 'help' };
    case 'alerts':
      return parseAlerts(args);
    case 'ack':
      return { name: 'ack', alertId: identifier('ack', 'an alert id', args[0]) };
    case 'unack':
      return { name: 'unack', alertId: identifier('unack', 'an alert id', args[0]) };
    case 'events':
      return { name: 'events', alertId: identifier('events', 'an alert id', args[0]) };
    case 'resolve': {
      const alertId = identifier('resolve', 'an alert id', args[0]);
      const [reasonWord, ...note] = args.slice(1);
      const reason = (reasonWord ?? 'true-positive') as Resolution;
      if (!RESOLUTIONS.includes(reason)) throw misuse('resolve', `unknown reason "${reasonWord}"; use one of ${RESOLUTIONS.join(', ')}.`);
      return { name: 'resolve', alertId, reason, ...(note.length > 0 ? { note: note.join(' ') } : {}) };
    }
    case 'suppress':
      return parseSuppress(args);
    case 'suppressions':
      return { name: 'suppressions' };
    case 'unsuppress':
      return { name: 'unsuppress', id: identifier('unsuppress', 'a suppression id', args[0]) };
    case 'rules':
      return parseRules(args);
    case 'route':
      return parseRoute(args);
    case 'audit':
      return { name: 'audit', ...(args[0] ? { subject: identifier('audit', 'an id', args[0]) } : {}) };
    case 'search': {
      const query = trimmed.slice(word!.length).trim();
      if (query === '') throw misuse('search', 'say what to search, e.g. /prowl search AWS.CloudTrail eventName=ConsoleLogin last 24h');
      return { name: 'search', query };
    }
    case 'scan': {
      const accountId = args.find((arg) => /^\d{12}$/.test(arg));
      const resourceType = args.find((arg) => /^AWS\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/.test(arg));
      const unknown = args.filter((arg) => arg !== accountId && arg !== resourceType);
      if (unknown.length > 0) throw misuse('scan', `"${unknown[0]}" is neither a 12-digit account id nor a resource type like AWS.S3.Bucket.`);
      return { name: 'scan', ...(accountId ? { accountId } : {}), ...(resourceType ? { resourceType } : {}) };
    }
    case 'sql': {
      const statement = trimmed.slice(word!.length).trim();
      if (statement === '') throw misuse('sql', 'give a SELECT statement, e.g. /prowl sql SELECT eventName, count(*) FROM aws_cloudtrail GROUP BY 1');
      return { name: 'sql', statement };
    }
    case 'home':
      if (args.length > 0) throw misuse('home', 'home takes no arguments.');
      return { name: 'home' };
    case 'stats':
      return parseStats(args);
    default:
      throw new ProwlError('prowl_bad_command', `unknown command "${word}". Try one of:\n${Object.values(USAGE).join('\n')}`);
  }
}
