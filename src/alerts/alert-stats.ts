import type { DateTime } from 'luxon';
import type { TeamConfig } from '../config';
import { SEVERITIES, type Severity } from '../config/severity';
import { ProwlError } from '../errors';
import type { Alert } from './alert';
import type { AlertStore } from './alert-store';
import { alertsChangedSince, millisBetween, openedAt } from './activity';
import { teamFor } from './routing';

/** The periods `/prowl stats` reports on, in days. */
export const STATS_PERIODS = { '7d': 7, '30d': 30 } as const;
export type StatsPeriod = keyof typeof STATS_PERIODS;

/**
 * Alerts read per state for one report. The slash command answers within Slack's few seconds, so the
 * read is capped; a busier period is reported on its most recent alerts and says so.
 */
export const STATS_MAX_PER_STATUS = 1000;

export interface AlertStats {
  team?: string;
  period: StatsPeriod;
  since: string;
  until: string;
  /** Alerts that opened in the period; the other counts are about these. */
  opened: number;
  acknowledged: number;
  resolved: number;
  /** Opened in the period and neither acknowledged nor resolved yet. */
  stillOpen: number;
  bySeverity: Record<Severity, number>;
  /** Mean from opening to the first acknowledgement, over the acknowledged ones; undefined when none were. */
  meanMillisToAcknowledge?: number;
  /** Mean from opening to resolution, over the resolved ones. */
  meanMillisToResolve?: number;
  /** False when the period held more alerts than one report reads: the numbers cover the most recent ones. */
  complete: boolean;
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The numbers for alerts opened in [since, until]. Pure: the same alerts always give the same numbers. */
export function computeStats(
  alerts: readonly Alert[],
  window: { period: StatsPeriod; since: string; until: string; complete: boolean; team?: string },
): AlertStats {
  const opened = alerts.filter((alert) => alert.status !== 'PENDING' && openedAt(alert) >= window.since && openedAt(alert) <= window.until);
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const alert of opened) bySeverity[alert.severity] += 1;
  const acknowledged = opened.filter((alert) => alert.acknowledgedAt !== undefined);
  const resolved = opened.filter((alert) => alert.status === 'RESOLVED' && alert.resolvedAt !== undefined);
  const timeToAck = mean(acknowledged.map((alert) => Math.max(0, millisBetween(openedAt(alert), alert.acknowledgedAt!))));
  const timeToResolve = mean(resolved.map((alert) => Math.max(0, millisBetween(openedAt(alert), alert.resolvedAt!))));
  return {
    ...(window.team ? { team: window.team } : {}),
    period: window.period,
    since: window.since,
    until: window.until,
    opened: opened.length,
    acknowledged: acknowledged.length,
    resolved: resolved.length,
    stillOpen: opened.filter((alert) => alert.status === 'OPEN').length,
    bySeverity,
    ...(timeToAck !== undefined ? { meanMillisToAcknowledge: timeToAck } : {}),
    ...(timeToResolve !== undefined ? { meanMillisToResolve: timeToResolve } : {}),
    complete: window.complete,
  };
}

export interface StatsDeps {
  alerts: Pick<AlertStore, 'listChangedSince'>;
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

/**
 * `/prowl stats [team] [7d|30d]`: an alert opened in the period has changed since its start, so the
 * status-by-change index returns every candidate without scanning the table.
 */
export async function alertStats(deps: StatsDeps, request: { team?: string; period: StatsPeriod }): Promise<AlertStats> {
  const teams = await deps.teams();
  if (request.team && !teams.some((team) => team.name === request.team)) {
    throw new ProwlError(
      'prowl_not_found',
      `no team "${request.team}"; known teams: ${teams.map((team) => team.name).join(', ') || 'none (every alert goes to the default channel)'}`,
    );
  }
  const until = deps.now().toUTC();
  const since = until.minus({ days: STATS_PERIODS[request.period] });
  const { alerts, complete } = await alertsChangedSince(deps.alerts, since, STATS_MAX_PER_STATUS);
  const scoped = request.team ? alerts.filter((alert) => teamFor(alert, teams)?.name === request.team) : alerts;
  return computeStats(scoped, {
    period: request.period,
    since: since.toISO()!,
    until: until.toISO()!,
    complete,
    ...(request.team ? { team: request.team } : {}),
  });
}
