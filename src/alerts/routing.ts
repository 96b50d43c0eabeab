import type { ConfigFile, TeamConfig } from '../config';
import { severityRank } from '../config/severity';
import type { Alert } from './alert';

export interface Route {
  team?: string;
  channel: string;
}

/** Whether a team owns a rule by id (exactly, or by a `prefix*` pattern). */
export function ownsRule(team: TeamConfig, ruleId: string): boolean {
  return team.owns.ruleIds.some((id) => id === ruleId || (id.endsWith('*') && ruleId.startsWith(id.slice(0, -1))));
}

function owns(team: TeamConfig, alert: Alert): boolean {
  const { tags, logTypes, accounts, sources } = team.owns;
  const accountsSeen = new Set([...alert.samples.flatMap((event) => event.p_any_aws_account_ids ?? []), ...(alert.resource ? [alert.resource.AccountId] : [])]);
  const sourcesSeen = new Set(alert.samples.map((event) => event.p_source_label));
  return (
    ownsRule(team, alert.ruleId) ||
    tags.some((tag) => alert.tags.includes(tag)) ||
    logTypes.some((logType) => alert.logTypes.includes(logType)) ||
    accounts.some((account) => accountsSeen.has(account)) ||
    sources.some((source) => sourcesSeen.has(source))
  );
}

/**
 * The team an alert belongs to: none for rule errors and system alerts (they are Prowl's own);
 * the rule's own team if it names one; otherwise the first team that owns the alert and wants its
 * severity.
 */
export function teamFor(alert: Alert, teams: readonly TeamConfig[]): TeamConfig | undefined {
  if (alert.kind === 'rule-error' || alert.kind === 'system') return undefined;
  const named = alert.team ? teams.find((team) => team.name === alert.team) : undefined;
  return named ?? teams.find((team) => owns(team, alert) && severityRank(alert.severity) >= severityRank(team.minSeverity));
}

/** Which channel hears about an alert: ops for Prowl's own alerts, the owning team's, or the default. */
export function routeAlert(alert: Alert, config: Pick<ConfigFile, 'teams' | 'slack'>): Route {
  if (alert.kind === 'rule-error' || alert.kind === 'system') return { channel: config.slack.opsChannel };
  const team = teamFor(alert, config.teams);
  return team ? { team: team.name, channel: team.channel } : { channel: config.slack.defaultChannel };
}
