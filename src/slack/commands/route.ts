import type { RouteChange } from '../../alerts/route-admin';
import type { TeamConfig } from '../../config';
import { SEVERITIES, type Severity } from '../../config/severity';
import { mrkdwn } from '../escape';
import { entry, type Reply } from './command';
import { bullet } from './list-reply';
import { identifier, misuse } from './parse-args';

export type RouteInput =
  | { name: 'route'; action: 'list' }
  | { name: 'route'; action: 'set'; team: string; change: RouteChange }
  | { name: 'route'; action: 'remove'; team: string };

type RouteOutcome = { kind: 'list'; teams: TeamConfig[] } | { kind: 'set'; team: TeamConfig } | { kind: 'removed'; team: string };

const USAGE =
  '/prowl route [list|set <team> channel=#c [minSeverity=HIGH] [accounts=…] [tags=…] [rules=…] [logTypes=…] [sources=…] [responders=…] [askActor=true|false] [escalate=CRITICAL:10,HIGH:30|off] [escalateNotify=S…,U…] [escalateChannel=#c] [stormThreshold=10] [stormMinutes=5]|remove <team>]';

function wholeNumber(key: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw misuse(USAGE, `${key} must be a whole number of at least 1.`);
  return n;
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
    if (!SEVERITIES.includes(severity)) throw misuse(USAGE, `minSeverity must be one of ${SEVERITIES.join(', ')}.`);
    c.minSeverity = severity;
  },
  rules: (c, v) => (c.ruleIds = list(v)),
  tags: (c, v) => (c.tags = list(v)),
  logtypes: (c, v) => (c.logTypes = list(v)),
  accounts: (c, v) => (c.accounts = list(v)),
  sources: (c, v) => (c.sources = list(v)),
  responders: (c, v) => (c.responders = list(v)),
  stormthreshold: (c, v) => (c.storm = { ...c.storm, threshold: wholeNumber('stormThreshold', v) }),
  stormminutes: (c, v) => (c.storm = { ...c.storm, windowMinutes: wholeNumber('stormMinutes', v) }),
  askactor: (c, v) => {
    if (v !== 'true' && v !== 'false') throw misuse(USAGE, 'askActor must be true or false.');
    c.askActor = v === 'true';
  },
  escalate: (c, v) => {
    if (v === 'off') return void (c.escalation = null);
    const afterMinutes: Partial<Record<Severity, number>> = {};
    for (const pair of list(v)) {
      const [severity = '', minutes = ''] = pair.split(':');
      const level = severity.toUpperCase() as Severity;
      if (!SEVERITIES.includes(level) || !/^\d{1,5}$/.test(minutes) || Number(minutes) < 1)
        throw misuse(USAGE, `"${pair}" is not severity:minutes; write escalate=CRITICAL:10,HIGH:30 (or escalate=off).`);
      afterMinutes[level] = Number(minutes);
    }
    c.escalation = { ...(c.escalation ?? {}), afterMinutes };
  },
  escalatenotify: (c, v) => (c.escalation = { ...(c.escalation ?? {}), notify: list(v) }),
  escalatechannel: (c, v) => (c.escalation = { ...(c.escalation ?? {}), alsoChannel: v }),
};

function escalationText(team: TeamConfig): string {
  const escalation = team.escalation;
  if (!escalation) return '';
  const after = Object.entries(escalation.afterMinutes)
    .map(([severity, minutes]) => `${severity} after ${minutes} min`)
    .join(', ');
  return ` · escalates ${after || 'never'}${escalation.notify ? ` to ${escalation.notify.join(', ')}` : ''}${escalation.alsoChannel ? ` and in ${escalation.alsoChannel}` : ''}`;
}

function parse(args: readonly string[]): RouteInput {
  const [action = 'list', team, ...rest] = args;
  if (action === 'list') return { name: 'route', action: 'list' };
  if (action === 'remove') return { name: 'route', action: 'remove', team: identifier(USAGE, 'a team name', team) };
  if (action !== 'set') throw misuse(USAGE, `unknown route action "${action}".`);
  const change: RouteChange = {};
  for (const token of rest) {
    const [key, ...value] = token.split('=');
    const apply = ROUTE_KEYS[(key ?? '').toLowerCase()];
    if (!apply || value.length === 0) throw misuse(USAGE, `"${token}" is not a route setting; use ${Object.keys(ROUTE_KEYS).join(', ')} as key=value.`);
    apply(change, value.join('='));
  }
  return { name: 'route', action: 'set', team: identifier(USAGE, 'a team name', team), change };
}

function reply(outcome: RouteOutcome): Reply {
  switch (outcome.kind) {
    case 'list':
      return bullet(
        outcome.teams.map(
          (t) =>
            mrkdwn`• *${t.name}* → ${t.channel} (≥ ${t.minSeverity}) owns ${JSON.stringify(t.owns)}${escalationText(t)}${t.askActor ? ' · asks the actor' : ''}${t.storm ? ` · storm ${JSON.stringify(t.storm)}` : ''}`,
        ),
        'No teams; every alert goes to the default channel.',
      );
    case 'set':
      return { text: mrkdwn`Route for *${outcome.team.name}* → ${outcome.team.channel} (≥ ${outcome.team.minSeverity}) saved.` };
    case 'removed':
      return { text: mrkdwn`Route for *${outcome.team}* removed; its alerts go to the default channel.` };
  }
}

export const routeCommand = entry({
  name: 'route',
  usage: USAGE,
  parse,
  permission: (input) => (input.action === 'list' ? undefined : { role: 'admin', what: 'change routes' }),
  async run(input, { ops, actor }): Promise<RouteOutcome> {
    switch (input.action) {
      case 'list':
        return { kind: 'list', teams: await ops.routes.teams() };
      case 'set':
        return { kind: 'set', team: await ops.routes.set(input.team, input.change, actor) };
      case 'remove':
        await ops.routes.remove(input.team, actor);
        return { kind: 'removed', team: input.team };
    }
  },
  reply,
});
