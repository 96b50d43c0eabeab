import type { KnownBlock } from '@slack/types';
import type { Alert } from '../alerts/alert';
import type { TimelineEntry } from '../alerts/notify-queue';
import type { StormGroup } from '../alerts/storm';
import { ALERT_ACTIONS, alertAccounts, alertActors, button, countOf, mention, SEVERITY_COLOR, SEVERITY_EMOJI, shortList, when } from './alert-message';
import { untrusted } from './escape';
import { clip, SLACK_LIMITS, type SlackMessage } from './message';

export const STORM_ACTIONS = {
  acknowledgeAll: 'storm.acknowledge_all',
  suppressHour: 'storm.suppress_hour',
  showList: 'storm.show_list',
} as const;

/** How many alerts one thread reply lists: one section each, well inside Slack's 50 blocks. */
export const STORM_ITEMS_PER_REPLY = 40;

function topText(top: ReadonlyArray<[string, number]>): string {
  if (top.length === 0) return '—';
  return top
    .slice(0, 3)
    .map(([value, count]) => `${clip(untrusted(value), 200)} (${count})`)
    .join(', ');
}

function bulkText(group: StormGroup): string[] {
  const bulk = group.bulk ?? {};
  return [
    bulk.acknowledgedBy && bulk.acknowledgedAt
      ? `:white_check_mark: ${countOf(bulk.acknowledged ?? 0, 'alert')} acknowledged by ${mention(bulk.acknowledgedBy)} at ${when(bulk.acknowledgedAt)}`
      : undefined,
    bulk.suppressionId && bulk.suppressedUntil
      ? `:mute: Rule suppressed until ${when(bulk.suppressedUntil)} by ${mention(bulk.suppressedBy)} (\`${untrusted(bulk.suppressionId)}\`)`
      : undefined,
  ].filter((line): line is string => line !== undefined);
}

/** The one message a storm gets instead of one per alert: how many, who, where, and actions for all of them. */
export function stormGroupMessage(group: StormGroup): SlackMessage {
  const count = countOf(group.alertIds.length, 'alert');
  const minutes = countOf(group.windowMinutes, 'minute');
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Storm: ${untrusted(group.rule, 'plain')}`, SLACK_LIMITS.headerText), emoji: true } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(
          `\`${untrusted(group.rule)}\`: *${count} in ${minutes}* for this channel (more than ${group.threshold}), so they are grouped here and each is listed in the thread. The first: ${clip(untrusted(group.title), 300)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    },
    {
      type: 'section',
      fields: [
        ['Severity', `${SEVERITY_EMOJI[group.severity]} ${group.severity}`],
        ['Window', `${when(group.windowStart)} → ${when(group.windowEnd)}`],
        ['Top actors', topText(group.topActors)],
        ['Accounts', topText(group.topAccounts)],
      ].map(([name, value]) => ({ type: 'mrkdwn' as const, text: clip(`*${name}*\n${value}`, SLACK_LIMITS.fieldText) })),
    },
  ];
  const bulk = bulkText(group);
  if (bulk.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(bulk.join('\n'), SLACK_LIMITS.sectionText) } });
  blocks.push({
    type: 'actions',
    block_id: 'storm_actions',
    elements: [
      button('Acknowledge all', STORM_ACTIONS.acknowledgeAll, group.id, 'primary'),
      button('Suppress the rule for 1 h', STORM_ACTIONS.suppressHour, group.id, 'danger'),
      button('Show list', STORM_ACTIONS.showList, group.id),
    ],
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Storm \`${untrusted(group.id)}\``, SLACK_LIMITS.sectionText) }] });
  return {
    text: clip(`[${group.severity}] Storm: ${untrusted(group.rule)}: ${count} in ${minutes}`, SLACK_LIMITS.fallbackText),
    color: SEVERITY_COLOR[group.severity],
    blocks,
  };
}

function itemLine(alert: Alert): string {
  const facts = [shortList(alertActors(alert), 2), shortList(alertAccounts(alert), 2), when(alert.firstSeen)].join(' · ');
  return `${SEVERITY_EMOJI[alert.severity]} *${clip(untrusted(alert.title), 300)}* · ${countOf(alert.matchCount, 'event')}\n${facts}\n\`${untrusted(alert.id)}\``;
}

/** One thread reply listing the next alerts of a storm, each with its own Acknowledge button. */
export function stormItemsMessage(alerts: readonly Alert[], first: number, total: number): SlackMessage {
  const shown = alerts.slice(0, STORM_ITEMS_PER_REPLY);
  const last = first + shown.length - 1;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Alerts ${first}–${last} of ${total} in this storm` }] },
    ...shown.map(
      (alert): KnownBlock => ({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(itemLine(alert), SLACK_LIMITS.sectionText) },
        ...(alert.status === 'OPEN' ? { accessory: button('Acknowledge', ALERT_ACTIONS.acknowledge, alert.id) } : {}),
      }),
    ),
  ];
  return { text: `Alerts ${first}–${last} of ${total} in this storm`, blocks };
}

const TIMELINE_VERBS: Record<TimelineEntry['kind'], [string, string]> = {
  acknowledged: [':eyes:', 'Acknowledged'],
  unacknowledged: [':leftwards_arrow_with_hook:', 'Unacknowledged'],
  resolved: [':white_check_mark:', 'Resolved'],
  suppressed: [':mute:', 'Suppressed'],
  reopened: [':repeat:', 'Reopened'],
  assigned: [':bust_in_silhouette:', 'Assigned'],
  escalated: [':rotating_light:', 'Escalated'],
  confirmed: [':ballot_box_with_check:', 'Confirmed'],
  denied: [':x:', 'Denied'],
  note: [':memo:', 'Note'],
  'acknowledged-all': [':white_check_mark:', 'Acknowledged all'],
};

/** One timeline entry, as a short thread reply: what happened, who, when, and what they wrote. */
export function timelineMessage(entry: TimelineEntry): SlackMessage {
  const [icon, verb] = TIMELINE_VERBS[entry.kind];
  const line = `${icon} *${verb}* by ${mention(entry.actor)} · ${when(entry.at)}`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: line } }];
  if (entry.text) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`>${untrusted(entry.text)}`, SLACK_LIMITS.sectionText) } });
  return { text: clip(`${verb} by ${entry.actor}${entry.text ? `: ${untrusted(entry.text)}` : ''}`, SLACK_LIMITS.fallbackText), blocks };
}

/** *Show list*: every alert of the storm with its status, for the person who asked. */
export function stormListMessage(group: StormGroup, alerts: readonly Alert[]): SlackMessage {
  const lines = alerts.map((alert) => `• ${alert.status.toLowerCase()} · ${clip(untrusted(alert.title), 150)} · \`${untrusted(alert.id)}\``);
  const sections: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current.length + line.length + 1 > SLACK_LIMITS.sectionText - 50) {
      sections.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) sections.push(current);
  const kept = sections.slice(0, SLACK_LIMITS.blocks - 2);
  const listed = kept.reduce((n, section) => n + section.split('\n').length, 0);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: clip(`*${countOf(group.alertIds.length, 'alert')}* in the storm of \`${untrusted(group.rule)}\``, SLACK_LIMITS.sectionText),
      },
    },
    ...kept.map((text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } })),
  ];
  if (listed < lines.length)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${lines.length - listed} more; \`/prowl alerts\` lists open ones.` }] });
  return { text: `${group.alertIds.length} alerts in the storm of ${untrusted(group.rule)}`, blocks };
}
