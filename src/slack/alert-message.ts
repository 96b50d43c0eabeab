import type { Button, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Alert } from '../alerts/alert';
import type { Severity } from '../config/severity';
import { untrusted } from './escape';
import { clip, SLACK_LIMITS, type SlackMessage } from './message';

export const ALERT_ACTIONS = {
  acknowledge: 'alert.acknowledge',
  unacknowledge: 'alert.unacknowledge',
  resolve: 'alert.resolve',
  suppress: 'alert.suppress',
  showEvents: 'alert.show_events',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = {
  INFO: '#8d99ae',
  LOW: '#2a9d8f',
  MEDIUM: '#e9c46a',
  HIGH: '#f4a261',
  CRITICAL: '#d62828',
};

export const SEVERITY_EMOJI: Record<Severity, string> = {
  INFO: ':information_source:',
  LOW: ':large_blue_circle:',
  MEDIUM: ':large_yellow_circle:',
  HIGH: ':large_orange_circle:',
  CRITICAL: ':red_circle:',
};

export function when(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm:ss 'UTC'");
}

/** Up to `max` distinct values from the events, escaped and each clipped so one huge value cannot crowd out the rest. */
function distinct(values: Iterable<string | undefined>, max = 3): string {
  const list = [...new Set([...values].filter((v): v is string => typeof v === 'string' && v !== ''))].map((value) => clip(untrusted(value), 300));
  if (list.length === 0) return '—';
  return list.length > max ? `${list.slice(0, max).join(', ')} +${list.length - max}` : list.join(', ');
}

/** The facts people triage on, read from the alert's sample events by their p_ indicators. */
export function alertFacts(alert: Alert): Array<[string, string]> {
  if (alert.resource) return resourceFacts(alert, alert.resource);
  const samples = alert.samples;
  return [
    ['Severity', `${SEVERITY_EMOJI[alert.severity]} ${alert.severity}`],
    ['Status', statusText(alert)],
    ['Rule', `\`${untrusted(alert.ruleId)}\``],
    ['Events', String(alert.matchCount)],
    ...(alert.distinctValues ? [['Distinct values', `${alert.distinctValues.length}: ${distinct(alert.distinctValues)}`] as [string, string]] : []),
    ['Log type', distinct(alert.logTypes)],
    ['Account', distinct(samples.flatMap((e) => e.p_any_aws_account_ids ?? []))],
    ['Region', distinct(samples.map((e) => (typeof e['awsRegion'] === 'string' ? e['awsRegion'] : undefined)))],
    ['Actor', distinct(samples.flatMap((e) => e.p_any_usernames ?? e.p_any_aws_arns ?? []))],
    ['Source IP', distinct(samples.flatMap((e) => e.p_any_ip_addresses ?? []))],
    ['Seen', `${when(alert.firstSeen)} → ${when(alert.lastSeen)}`],
  ];
}

/** A policy alert is about a resource, not events. */
function resourceFacts(alert: Alert, resource: NonNullable<Alert['resource']>): Array<[string, string]> {
  return [
    ['Severity', `${SEVERITY_EMOJI[alert.severity]} ${alert.severity}`],
    ['Status', statusText(alert)],
    ['Policy', `\`${untrusted(alert.ruleId)}\``],
    ['Resource', `\`${clip(untrusted(resource.ResourceId), 500)}\``],
    ['Type', clip(untrusted(resource.ResourceType), 200)],
    ['Account', clip(untrusted(resource.AccountId), 200)],
    ['Region', clip(untrusted(resource.Region), 200)],
    ['Failing since', when(alert.firstSeen)],
    ['Last checked', when(alert.lastSeen)],
  ];
}

function statusText(alert: Alert): string {
  switch (alert.status) {
    case 'ACKNOWLEDGED':
      return `Acknowledged by ${mention(alert.acknowledgedBy)} at ${when(alert.acknowledgedAt!)}`;
    case 'RESOLVED':
      return `Resolved (${alert.resolution?.reason ?? 'no reason'}) by ${mention(alert.resolvedBy)} at ${when(alert.resolvedAt!)}`;
    default:
      return alert.status === 'OPEN' ? 'Open' : 'Pending';
  }
}

/** A Slack user id becomes a mention; anything else (a CLI user, an API caller) is shown as escaped text. */
export function mention(user: string | undefined): string {
  if (!user) return 'someone';
  return /^[UW][A-Z0-9]+$/.test(user) ? `<@${user}>` : untrusted(user);
}

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', text: { type: 'plain_text', text: clip(text, SLACK_LIMITS.buttonText) }, action_id: actionId, value, ...(style ? { style } : {}) };
}

/** The alert's buttons (the same action ids wherever the alert is shown, so one set of listeners serves all). */
export function alertButtons(alert: Alert): Button[] {
  // A policy alert resolves itself when a scan finds the resource fixed; there are no events to show.
  if (alert.kind === 'policy')
    return alert.status === 'RESOLVED'
      ? []
      : [
          alert.status === 'ACKNOWLEDGED'
            ? button('Unacknowledge', ALERT_ACTIONS.unacknowledge, alert.id)
            : button('Acknowledge', ALERT_ACTIONS.acknowledge, alert.id, 'primary'),
          button('Suppress…', ALERT_ACTIONS.suppress, alert.id),
        ];
  if (alert.status === 'RESOLVED') return [button('Show events', ALERT_ACTIONS.showEvents, alert.id)];
  return [
    alert.status === 'ACKNOWLEDGED'
      ? button('Unacknowledge', ALERT_ACTIONS.unacknowledge, alert.id)
      : button('Acknowledge', ALERT_ACTIONS.acknowledge, alert.id, 'primary'),
    button('Resolve', ALERT_ACTIONS.resolve, alert.id),
    button('Suppress…', ALERT_ACTIONS.suppress, alert.id),
    button('Show events', ALERT_ACTIONS.showEvents, alert.id),
  ];
}

function contextBlock(alert: Alert): KnownBlock | undefined {
  const shown = alert.resource ? { ...alert.resource.summary, ...alert.context } : alert.context;
  if (Object.keys(shown).length === 0) return undefined;
  const json = untrusted(JSON.stringify(shown, null, 2), 'lines');
  const fence = '```';
  return { type: 'section', text: { type: 'mrkdwn', text: `*Context*\n${fence}${clip(json, SLACK_LIMITS.sectionText - 20)}${fence}` } };
}

/** A rule's reference is a link only when it is a plain http(s) URL; anything else is shown as text. */
function referenceLink(reference: string): string {
  const shown = clip(untrusted(reference), 200);
  return /^https?:\/\/[^\s<>|]+$/.test(reference) ? `*Reference:* <${reference}|${shown}>` : `*Reference:* ${shown}`;
}

/** Builds the alert's Slack message. Pure: the same alert always gives the same message. */
export function alertMessage(alert: Alert): SlackMessage {
  // Rule text (the pack's, or a user's Sigma folder) may span lines on purpose: escaped, line breaks kept.
  const links = [
    `*${alert.kind === 'policy' ? 'Remediation' : 'Runbook'}:* ${untrusted(alert.runbook, 'lines')}`,
    alert.reference ? referenceLink(alert.reference) : undefined,
    alert.author ? `*Author:* ${untrusted(alert.author)}${alert.license ? ` · *License:* ${untrusted(alert.license)}` : ''}` : undefined,
  ].filter((line): line is string => line !== undefined);

  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(untrusted(alert.title, 'plain'), SLACK_LIMITS.headerText), emoji: true } },
    { type: 'section', fields: alertFacts(alert).map(([name, value]) => ({ type: 'mrkdwn', text: clip(`*${name}*\n${value}`, SLACK_LIMITS.fieldText) })) },
    { type: 'section', text: { type: 'mrkdwn', text: clip(untrusted(alert.description, 'lines'), SLACK_LIMITS.sectionText) } },
  ];
  const context = contextBlock(alert);
  if (context) blocks.push(context);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(links.join('\n'), SLACK_LIMITS.sectionText) } });
  const actions = alertButtons(alert);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: 'alert_actions', elements: actions });
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: clip(`Alert \`${untrusted(alert.id)}\` · tags ${untrusted(alert.tags.join(', ')) || 'none'}`, SLACK_LIMITS.sectionText) },
    ],
  });

  // The top-level text is mrkdwn too (notifications, the channel preview): escaped like the blocks.
  return { text: clip(`[${alert.severity}] ${untrusted(alert.title)}`, SLACK_LIMITS.fallbackText), color: SEVERITY_COLOR[alert.severity], blocks };
}

/** The thread reply when more matches join an alert: how many, and the newest event. */
export function moreMatchesMessage(alert: Alert, added: number): SlackMessage {
  const fence = '```';
  const event = alert.latestSample ? untrusted(JSON.stringify(alert.latestSample, null, 1), 'lines') : undefined;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${added} more matching event${added === 1 ? '' : 's'}* (${alert.matchCount} in all, last seen ${when(alert.lastSeen)}).`,
      },
    },
  ];
  if (event)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `Newest sampled event:\n${fence}${clip(event, SLACK_LIMITS.sectionText - 40)}${fence}` } });
  return { text: `${added} more matching events for ${clip(untrusted(alert.title), 200)}`, blocks };
}
