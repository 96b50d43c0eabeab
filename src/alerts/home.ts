import type { DateTime } from 'luxon';
import type { ConfigFile, TeamConfig } from '../config';
import { severityRank } from '../config/severity';
import type { Alert } from './alert';
import type { AlertStore } from './alert-store';
import { listed, roleOf, type Actor } from './roles';
import { teamFor } from './routing';

/** How many alerts of each state one Home tab reads: the view shows fewer, and counts the rest. */
export const HOME_READ_LIMIT = 200;
/** "Recently resolved" looks this far back. */
export const RECENTLY_RESOLVED_DAYS = 7;

/** What is on one person's plate, as their Home tab shows it. */
export interface HomeOverview {
  userId: string;
  /** Open or acknowledged alerts assigned to the user, most severe first. */
  assigned: Alert[];
  /** The teams whose alerts the user responds to; `all` for global responders and admins in no team. */
  scope: { kind: 'teams'; teams: string[] } | { kind: 'all' } | { kind: 'none' };
  /** Open or acknowledged alerts of that scope, most severe first, then most recently seen. */
  open: Alert[];
  /** Resolved in the last RECENTLY_RESOLVED_DAYS, in scope or assigned to the user, most recent first. */
  resolved: Alert[];
  /** False when a state held more alerts than were read; counts are then lower bounds. */
  complete: boolean;
  at: string;
}

export interface HomeDeps {
  alerts: Pick<AlertStore, 'listByStatus' | 'listChangedSince'>;
  config: Pick<ConfigFile, 'roles'>;
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

export function mostUrgentFirst(a: Alert, b: Alert): number {
  return severityRank(b.severity) - severityRank(a.severity) || b.lastSeen.localeCompare(a.lastSeen);
}

/**
 * The Home tab's content for one person: what is assigned to them, their teams' open alerts, and
 * what was resolved lately. Teams are those that list the person (or a group of theirs) as
 * responders; a global responder or admin in no team sees every open alert.
 */
export async function homeOverview(deps: HomeDeps, actor: Actor): Promise<HomeOverview> {
  const now = deps.now().toUTC();
  const teams = await deps.teams();
  const [open, acknowledged, resolved] = await Promise.all([
    deps.alerts.listByStatus('OPEN', HOME_READ_LIMIT),
    deps.alerts.listByStatus('ACKNOWLEDGED', HOME_READ_LIMIT),
    deps.alerts.listChangedSince('RESOLVED', now.minus({ days: RECENTLY_RESOLVED_DAYS }).toISO()!, HOME_READ_LIMIT),
  ]);
  const mine = teams.filter((team) => listed(actor, team.responders)).map((team) => team.name);
  const scope: HomeOverview['scope'] =
    mine.length > 0 ? { kind: 'teams', teams: mine } : roleOf(actor, { roles: deps.config.roles, teams: [] }) === 'viewer' ? { kind: 'none' } : { kind: 'all' };
  const inScope = (alert: Alert): boolean => {
    if (scope.kind === 'all') return true;
    if (scope.kind === 'none') return false;
    const team = teamFor(alert, teams)?.name;
    return team !== undefined && scope.teams.includes(team);
  };
  const live = [...open, ...acknowledged];
  return {
    userId: actor.userId,
    assigned: live.filter((alert) => alert.assignee === actor.userId).sort(mostUrgentFirst),
    scope,
    open: live.filter(inScope).sort(mostUrgentFirst),
    resolved: resolved.alerts
      .filter((alert) => inScope(alert) || alert.assignee === actor.userId)
      .sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '')),
    complete: open.length < HOME_READ_LIMIT && acknowledged.length < HOME_READ_LIMIT && resolved.complete,
    at: now.toISO()!,
  };
}
