import type { DateTime } from 'luxon';
import type { ConfigFile, TeamConfig } from '../config';
import { SEVERITIES, type Severity } from '../config/severity';
import type { Alert } from './alert';
import { openedAt } from './activity';
import { ownsRule, routeAlert } from './routing';
import { isActive, type Suppression } from './suppression';

/** The digest looks back this far for what was resolved and which rules were noisy. */
export const DIGEST_PERIOD_HOURS = 24;
/** Suppressions ending within this long are listed, so nobody is surprised when the alerts come back. */
export const EXPIRING_SOON_HOURS = 48;
export const NOISY_RULES_SHOWN = 5;

export interface NoisyRule {
  ruleId: string;
  /** Alerts the rule opened in the period, and the matches they counted. */
  alerts: number;
  matches: number;
}

/** One channel's day: what is open there, what moved, which rules were loud, what silence ends soon. */
export interface ChannelDigest {
  channel: string;
  /** Teams posting to the channel; empty for the default channel's own alerts. */
  teams: string[];
  /** The UTC day the digest is for (YYYY-MM-DD): one digest per channel and day. */
  day: string;
  since: string;
  until: string;
  open: number;
  openBySeverity: Record<Severity, number>;
  /** The longest-open open alerts, for a look first. */
  oldestOpen: Alert[];
  acknowledged: number;
  resolved: number;
  noisyRules: NoisyRule[];
  expiringSuppressions: Suppression[];
  /** False when more alerts existed than were read; counts are then lower bounds. */
  complete: boolean;
}

/** What one digest run did, channel by channel. */
export interface DigestOutcome {
  posted: string[];
  /** Channels whose digest for the day was posted (or is being posted) by an earlier run. */
  alreadyPosted: string[];
}

export interface DigestInput {
  config: Pick<ConfigFile, 'slack'>;
  teams: readonly TeamConfig[];
  /** Alerts open and acknowledged now. */
  open: readonly Alert[];
  acknowledged: readonly Alert[];
  /** Alerts changed in the period (any seen state). */
  changed: readonly Alert[];
  suppressions: readonly Suppression[];
  complete: boolean;
  now: DateTime;
}

function channelsOf(config: Pick<ConfigFile, 'slack'>, teams: readonly TeamConfig[]): Map<string, string[]> {
  const channels = new Map<string, string[]>();
  for (const team of teams) channels.set(team.channel, [...(channels.get(team.channel) ?? []), team.name]);
  if (!channels.has(config.slack.defaultChannel)) channels.set(config.slack.defaultChannel, []);
  return channels;
}

/** A suppression belongs to the channels of the teams owning its rule by id, else to the default channel. */
function suppressionChannels(suppression: Suppression, config: Pick<ConfigFile, 'slack'>, teams: readonly TeamConfig[]): string[] {
  const owners = teams.filter((team) => ownsRule(team, suppression.ruleId)).map((team) => team.channel);
  return owners.length > 0 ? owners : [config.slack.defaultChannel];
}

function noisiest(opened: readonly Alert[]): NoisyRule[] {
  const byRule = new Map<string, NoisyRule>();
  for (const alert of opened) {
    const rule = byRule.get(alert.ruleId) ?? { ruleId: alert.ruleId, alerts: 0, matches: 0 };
    byRule.set(alert.ruleId, { ...rule, alerts: rule.alerts + 1, matches: rule.matches + alert.matchCount });
  }
  return [...byRule.values()].sort((a, b) => b.alerts - a.alerts || b.matches - a.matches || a.ruleId.localeCompare(b.ruleId)).slice(0, NOISY_RULES_SHOWN);
}

/** Every channel's digest for the day ending now. Pure: the same input always gives the same digests. */
export function buildDigests(input: DigestInput): ChannelDigest[] {
  const until = input.now.toUTC();
  const since = until.minus({ hours: DIGEST_PERIOD_HOURS }).toISO()!;
  const soon = until.plus({ hours: EXPIRING_SOON_HOURS }).toISO()!;
  const route = (alert: Alert): string => routeAlert(alert, { teams: [...input.teams], slack: input.config.slack }).channel;
  return [...channelsOf(input.config, input.teams)].map(([channel, teams]): ChannelDigest => {
    const here = (alerts: readonly Alert[]): Alert[] => alerts.filter((alert) => route(alert) === channel);
    const open = here(input.open);
    const changed = here(input.changed);
    const openBySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
    for (const alert of open) openBySeverity[alert.severity] += 1;
    return {
      channel,
      teams,
      day: until.toISODate()!,
      since,
      until: until.toISO()!,
      open: open.length,
      openBySeverity,
      oldestOpen: [...open].sort((a, b) => openedAt(a).localeCompare(openedAt(b))).slice(0, 3),
      acknowledged: here(input.acknowledged).length,
      resolved: changed.filter((alert) => alert.status === 'RESOLVED' && (alert.resolvedAt ?? '') >= since).length,
      noisyRules: noisiest(changed.filter((alert) => openedAt(alert) >= since)),
      expiringSuppressions: input.suppressions
        .filter((s) => s.expiresAt !== undefined && isActive(s, until) && s.expiresAt <= soon)
        .filter((s) => suppressionChannels(s, input.config, input.teams).includes(channel))
        .sort((a, b) => (a.expiresAt ?? '').localeCompare(b.expiresAt ?? '')),
      complete: input.complete,
    };
  });
}
