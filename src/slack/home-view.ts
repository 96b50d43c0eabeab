import type { HomeView, KnownBlock } from '@slack/types';
import type { Alert } from '../alerts/alert';
import { alertRef } from '../alerts/alert-number';
import type { HomeOverview } from '../alerts/home';
import { SEVERITIES, type Severity } from '../config/severity';
import { alertButtons, mention, SEVERITY_EMOJI, when } from './alert-message';
import { markup, mrkdwn, untrusted } from './escape';
import { blockViolations, clip, SLACK_LIMITS } from './message';

/** Alerts shown with buttons per section; the rest are counted ("and N more"), keeping the tab under Slack's 100 blocks. */
export const HOME_SHOWN = { assigned: 8, open: 15, resolved: 10 } as const;

/** A one-off line at the top of the tab: the outcome of a button pressed there (Home has no ephemeral replies). */
export interface HomeNotice {
  text: string;
}

function severityCounts(alerts: readonly Alert[]): string {
  const counts = SEVERITIES.map((severity): [Severity, number] => [severity, alerts.filter((alert) => alert.severity === severity).length])
    .filter(([, count]) => count > 0)
    .reverse();
  return counts.length === 0 ? 'none' : counts.map(([severity, count]) => `${SEVERITY_EMOJI[severity]} ${count} ${severity}`).join(' · ');
}

function statusWord(alert: Alert): string {
  if (alert.status === 'ACKNOWLEDGED') return `acknowledged by ${mention(alert.acknowledgedBy)}`;
  if (alert.status === 'RESOLVED') return `resolved (${alert.resolution?.reason ?? 'no reason'}) by ${mention(alert.resolvedBy)}`;
  return 'open';
}

/** One alert as a line of mrkdwn: severity, title, status, owner and id. */
function alertLine(alert: Alert): string {
  const owner = alert.assignee ? ` · assigned to ${mention(alert.assignee)}` : '';
  return mrkdwn`${markup(SEVERITY_EMOJI[alert.severity])} *${alert.title}*\n${alert.severity} · ${markup(statusWord(alert))}${markup(owner)} · last seen ${when(alert.lastSeen)} · \`${alertRef(alert)}\``;
}

function more(hidden: number, hint: string): string {
  return `…and ${hidden} more — ${hint}`;
}

function alertBlocks(section: string, alerts: readonly Alert[], shown: number, hint: string): KnownBlock[] {
  const blocks: KnownBlock[] = alerts.slice(0, shown).flatMap((alert, i): KnownBlock[] => {
    const buttons = alertButtons(alert);
    return [
      { type: 'section', text: { type: 'mrkdwn', text: clip(alertLine(alert), SLACK_LIMITS.sectionText) } },
      // Block ids must be unique in a view; the same alert may be both assigned and in a team's list.
      ...(buttons.length > 0 ? [{ type: 'actions', block_id: `home_${section}_${i}`, elements: buttons } as KnownBlock] : []),
    ];
  });
  if (alerts.length > shown) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: more(alerts.length - shown, hint) }] });
  return blocks;
}

function heading(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.headerText), emoji: true } };
}

/** Plain text (team names come from Slack commands too): escaped where it is used. */
function scopeText(overview: HomeOverview): string {
  switch (overview.scope.kind) {
    case 'teams':
      return `Open alerts of your teams (${overview.scope.teams.join(', ')})`;
    case 'all':
      return 'Open alerts of every team';
    case 'none':
      return 'Open alerts of your teams';
  }
}

/** The Home tab: assigned to the viewer, their teams' open alerts by severity, recently resolved — with the alert buttons. */
export function homeView(overview: HomeOverview, notice?: HomeNotice): HomeView {
  const blocks: KnownBlock[] = [
    heading('Prowl — your alerts'),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Updated ${when(overview.at)} · refreshed each time you open this tab` }] },
  ];
  if (notice) blocks.push({ type: 'section', block_id: 'home_notice', text: { type: 'mrkdwn', text: clip(notice.text, SLACK_LIMITS.sectionText) } });

  blocks.push(heading(`Assigned to you (${overview.assigned.length})`));
  if (overview.assigned.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'Nothing is assigned to you.' } });
  else blocks.push(...alertBlocks('assigned', overview.assigned, HOME_SHOWN.assigned, 'most severe shown first'));

  blocks.push({ type: 'divider' }, heading(untrusted(scopeText(overview), 'plain')));
  if (overview.scope.kind === 'none') {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: 'You are not a responder of any team. A Prowl admin adds you (or your user group) to a team’s `responders`.' },
    });
  } else {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${overview.open.length} open or acknowledged:* ${severityCounts(overview.open)}` } });
    if (overview.open.length > 0) blocks.push(...alertBlocks('open', overview.open, HOME_SHOWN.open, '`/prowl alerts` lists them all'));
  }

  blocks.push({ type: 'divider' }, heading(`Recently resolved (${overview.resolved.length})`));
  const resolved = overview.resolved.slice(0, HOME_SHOWN.resolved);
  const resolvedLines = resolved.map(
    (alert) => mrkdwn`• ${alert.title} — ${markup(statusWord(alert))}${alert.resolvedAt ? ` at ${when(alert.resolvedAt)}` : ''} · \`${alertRef(alert)}\``,
  );
  if (overview.resolved.length > resolved.length) resolvedLines.push(more(overview.resolved.length - resolved.length, '`/prowl alerts resolved` lists them'));
  blocks.push({
    type: 'section',
    text: { type: 'mrkdwn', text: clip(resolvedLines.join('\n') || 'Nothing resolved in the last week.', SLACK_LIMITS.sectionText) },
  });
  if (!overview.complete)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'More alerts exist than this tab reads at once; counts are lower bounds.' }] });
  return { type: 'home', blocks };
}

/** Every way a Home view breaks Slack's limits; the builder must keep this empty. */
export function homeViewViolations(view: HomeView): string[] {
  return blockViolations(view.blocks as KnownBlock[], SLACK_LIMITS.homeBlocks);
}

function commandHints(alert: Alert): string {
  if (alert.status === 'ACKNOWLEDGED') return mrkdwn`/prowl unack ${alertRef(alert)} · /prowl resolve ${alertRef(alert)}`;
  return mrkdwn`/prowl ack ${alertRef(alert)} · /prowl resolve ${alertRef(alert)}`;
}

/** The Home tab as text (the terminal's `/prowl home`, and the slash command's reply): buttons become commands. */
export function homeText(overview: HomeOverview): string {
  const list = (alerts: readonly Alert[], shown: number, hint: string): string[] => [
    ...alerts.slice(0, shown).map((alert) => mrkdwn`• [${alert.severity}] ${alert.title} — ${markup(statusWord(alert))} — \`${markup(commandHints(alert))}\``),
    ...(alerts.length > shown ? [more(alerts.length - shown, hint)] : []),
  ];
  const lines = [
    `*Assigned to you (${overview.assigned.length})*`,
    ...(overview.assigned.length === 0 ? ['Nothing is assigned to you.'] : list(overview.assigned, HOME_SHOWN.assigned, 'most severe shown first')),
  ];
  lines.push(`*${untrusted(scopeText(overview))}*`);
  if (overview.scope.kind === 'none') lines.push('You are not a responder of any team.');
  else
    lines.push(
      `${overview.open.length} open or acknowledged: ${severityCounts(overview.open)}`,
      ...list(overview.open, HOME_SHOWN.open, '`/prowl alerts` lists them all'),
    );
  lines.push(`*Recently resolved (${overview.resolved.length})*`);
  lines.push(
    ...overview.resolved.slice(0, HOME_SHOWN.resolved).map((alert) => mrkdwn`• ${alert.title} — ${markup(statusWord(alert))} · \`${alertRef(alert)}\``),
    ...(overview.resolved.length > HOME_SHOWN.resolved ? [more(overview.resolved.length - HOME_SHOWN.resolved, '`/prowl alerts resolved` lists them')] : []),
  );
  if (!overview.complete) lines.push('More alerts exist than were read at once; counts are lower bounds.');
  lines.push('_In Slack, the Home tab of the Prowl app shows this with buttons._');
  return lines.join('\n');
}
