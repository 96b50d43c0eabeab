import type { ConfigFile, TeamConfig } from '../config';
import { severityRank } from '../config/severity';
import type { Alert } from './alert';

export interface Route {
  team?: string;
  channel: string;
}

function owns(team: TeamConfig, alert: Alert): boolean {
  const { ruleIds, tags, logTypes, accounts, sources } = team.owns;
  const accountsSeen = new Set([...alert.samples.flatMap((event) => event.p_any_aws_account_ids ?? []), ...(alert.resource ? [alert.resource.AccountId] : [])]);
  const sourcesSeen = new Set(alert.samples.map((event) => event.p_source_label));
  return (
    ruleIds.some((id) => id === alert.ruleId || (id.endsWith('*') && alert.ruleId.startsWith(id.slice(0, -1)))) ||
    tags.some((tag) => alert.tags.includes(tag)) ||
    logTypes.some((logType) => alert.logTypes.includes(logType)) ||
    accounts.some((account) => accountsSeen.has(account)) ||
    sources.some((source) => sourcesSeen.has(source))
  );
}

/**
 * Which channel hears about an alert: rule errors and system alerts go to ops; a rule's own team wins; otherwise the
 * first team that owns the alert and wants its severity; otherwise the default channel.
 */
export function routeAlert(alert: Alert, config: Pick<ConfigFile, 'teams' | 'slack'>): Route {
  if (alert.kind === 'rule-error' || alert.kind === 'system') return { channel: config.slack.opsChannel };
  const named = alert.team ? config.teams.find((team) => team.name === alert.team) : undefined;
  if (named) return { team: named.name, channel: named.channel };
  const owner = config.teams.find((team) => owns(team, alert) && severityRank(alert.severity) >= severityRank(team.minSeverity));
  if (owner) return { team: owner.name, channel: owner.channel };
  return { channel: config.slack.defaultChannel };
}
