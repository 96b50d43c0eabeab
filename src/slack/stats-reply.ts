import type { AlertStats } from '../alerts/alert-stats';
import { SEVERITIES } from '../config/severity';
import { SEVERITY_EMOJI } from './alert-message';
import { durationText } from './duration-text';
import { mrkdwn, markup } from './escape';

/** `/prowl stats` as text: counts, by severity, mean time to acknowledge and to resolve. */
export function statsText(stats: AlertStats): string {
  const scope = stats.team ? mrkdwn`team *${stats.team}*` : 'all teams';
  const severities = SEVERITIES.filter((severity) => stats.bySeverity[severity] > 0)
    .reverse()
    .map((severity) => `${SEVERITY_EMOJI[severity]} ${severity} ${stats.bySeverity[severity]}`);
  const mean = (millis: number | undefined, of: number): string => (millis === undefined ? 'n/a (none yet)' : `${durationText(millis)} (over ${of})`);
  return [
    mrkdwn`*Alert stats for ${markup(scope)}, last ${stats.period}* (${stats.since.slice(0, 16).replace('T', ' ')} → ${stats.until.slice(0, 16).replace('T', ' ')} UTC)`,
    `Opened: ${stats.opened} · acknowledged: ${stats.acknowledged} · resolved: ${stats.resolved} · still open: ${stats.stillOpen}`,
    `By severity: ${severities.join(' · ') || 'none'}`,
    `Mean time to acknowledge: ${mean(stats.meanMillisToAcknowledge, stats.acknowledged)}`,
    `Mean time to resolve: ${mean(stats.meanMillisToResolve, stats.resolved)}`,
    ...(stats.complete ? [] : ['More alerts were opened than one report reads; these numbers cover the most recent ones.']),
  ].join('\n');
}
