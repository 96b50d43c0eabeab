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
  '/prowl route [list|set <team> channel=#c [minSeverity=HIGH] [accounts=…] [tags=…] [rules=…] [logTypes=…] [sources=…] [responders=…]|remove <team>]';

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
};

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
        outcome.teams.map((t) => mrkdwn`• *${t.name}* → ${t.channel} (≥ ${t.minSeverity}) owns ${JSON.stringify(t.owns)}`),
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
