import type { Button, KnownBlock, UsersSelect } from '@slack/types';
import { DateTime } from 'luxon';
import type { Alert } from '../alerts/alert';
import { alertRef } from '../alerts/alert-number';
import type { Severity } from '../config/severity';
import { cloudTrailActor, cloudTrailCallerNames } from '../logs/cloudtrail-actor';
import type { NormalizedEvent } from '../logs/log-type';
import { untrusted } from './escape';
import { clip, SLACK_LIMITS, type SlackMessage } from './message';

export const ALERT_ACTIONS = {
  acknowledge: 'alert.acknowledge',
  unacknowledge: 'alert.unacknowledge',
  resolve: 'alert.resolve',
  suppress: 'alert.suppress',
  showEvents: 'alert.show_events',
  take: 'alert.take',
  assign: 'alert.assign',
  unassign: 'alert.unassign',
  showContext: 'alert.show_context',
} as const;

/**
 * The block holding the assign controls. A users_select carries no value of its own, so the block id
 * names the alert (by `alertRef`): `alert_assign:#42`.
 */
export const ASSIGN_BLOCK_PREFIX = 'alert_assign:';

/** Context longer than this (characters or lines) is cut short in the message, with a *Show context* button for the rest. */
const CONTEXT_SHOWN = { chars: 600, lines: 12 };

export const SEVERITY_COLOR: Record<Severity, string> = {
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

/** "1 event", "2 events". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Who acted: the calling principal for CloudTrail records; for other logs, the names they carry. */
function actorsOf(event: NormalizedEvent): string[] {
  const caller = cloudTrailActor(event);
  if (caller !== undefined) return [caller];
  return event.p_any_usernames ?? event.p_any_aws_arns ?? [];
}

/** The principals that acted in an alert's sample events, unescaped (for counting; escape before showing). */
export function alertActors(alert: Pick<Alert, 'samples'>): string[] {
  return [...new Set(alert.samples.flatMap(actorsOf))];
}

/** The accounts of an alert's sample events (or its resource), unescaped. */
export function alertAccounts(alert: Pick<Alert, 'samples' | 'resource'>): string[] {
  return [...new Set([...alert.samples.flatMap((e) => e.p_any_aws_account_ids ?? []), ...(alert.resource ? [alert.resource.AccountId] : [])])];
}

/** Up to `max` values, escaped, for one line of a message. */
export function shortList(values: Iterable<string | undefined>, max = 3): string {
  return distinct(values, max);
}

/** Users a CloudTrail call acted on (the new key's owner, the user added to a group): named, but not the caller's own names. */
function targetsOf(event: NormalizedEvent): string[] {
  if (cloudTrailActor(event) === undefined) return [];
  const caller = new Set(cloudTrailCallerNames(event));
  return (event.p_any_usernames ?? []).filter((name) => !caller.has(name));
}

/** The facts people triage on, read from the alert's sample events by their p_ indicators. */
export function alertFacts(alert: Alert): Array<[string, string]> {
  if (alert.resource) return resourceFacts(alert, alert.resource);
  const samples = alert.samples;
  const targets = samples.flatMap(targetsOf);
  return [
    ['Severity', `${SEVERITY_EMOJI[alert.severity]} ${alert.severity}`],
    ['Status', statusText(alert)],
    ['Rule', `\`${untrusted(alert.ruleId)}\``],
    ['Events', countOf(alert.matchCount, 'event')],
    ...(alert.distinctValues ? [['Distinct values', `${alert.distinctValues.length}: ${distinct(alert.distinctValues)}`] as [string, string]] : []),
    ['Log type', distinct(alert.logTypes)],
    ['Account', distinct(samples.flatMap((e) => e.p_any_aws_account_ids ?? []))],
    ['Region', distinct(samples.map((e) => (typeof e['awsRegion'] === 'string' ? e['awsRegion'] : undefined)))],
    ['Actor', distinct(samples.flatMap(actorsOf))],
    ...(targets.length > 0 ? [['Target', distinct(targets)] as [string, string]] : []),
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
  const state = stateText(alert);
  return alert.assignee && alert.status !== 'RESOLVED' ? `${state} · assigned to ${mention(alert.assignee)}` : state;
}

function stateText(alert: Alert): string {
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

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
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
  const showContext = contextText(alert)?.long ? [button('Show context', ALERT_ACTIONS.showContext, alert.id)] : [];
  if (alert.status === 'RESOLVED') return [button('Show events', ALERT_ACTIONS.showEvents, alert.id), ...showContext];
  return [
    alert.status === 'ACKNOWLEDGED'
      ? button('Unacknowledge', ALERT_ACTIONS.unacknowledge, alert.id)
      : button('Acknowledge', ALERT_ACTIONS.acknowledge, alert.id, 'primary'),
    button('Resolve', ALERT_ACTIONS.resolve, alert.id),
    button('Suppress…', ALERT_ACTIONS.suppress, alert.id),
    button('Show events', ALERT_ACTIONS.showEvents, alert.id),
    ...showContext,
  ];
}

/** Take it, pick a person, and Unassign once someone owns it; a resolved alert has nothing left to own. */
function assignBlock(alert: Alert): KnownBlock | undefined {
  if (alert.status === 'RESOLVED') return undefined;
  const picker: UsersSelect = {
    type: 'users_select',
    action_id: ALERT_ACTIONS.assign,
    placeholder: { type: 'plain_text', text: 'Assign to…' },
    ...(alert.assignee && /^[UW][A-Z0-9]+$/.test(alert.assignee) ? { initial_user: alert.assignee } : {}),
  };
  const elements = [button('Take it', ALERT_ACTIONS.take, alert.id), picker, ...(alert.assignee ? [button('Unassign', ALERT_ACTIONS.unassign, alert.id)] : [])];
  return { type: 'actions', block_id: `${ASSIGN_BLOCK_PREFIX}${alertRef(alert)}`, elements };
}

function contextOf(alert: Alert): Record<string, unknown> {
  return alert.resource ? { ...alert.resource.summary, ...alert.context } : alert.context;
}

/** The context as people read it; `long` when it is cut short in the message. */
function contextText(alert: Alert): { json: string; long: boolean } | undefined {
  const shown = contextOf(alert);
  if (Object.keys(shown).length === 0) return undefined;
  const json = JSON.stringify(shown, null, 2);
  return { json, long: json.length > CONTEXT_SHOWN.chars || json.split('\n').length > CONTEXT_SHOWN.lines };
}

function contextBlock(alert: Alert): KnownBlock | undefined {
  const context = contextText(alert);
  if (!context) return undefined;
  const fence = '```';
  // Cut short on a line of the context itself, so the cut adds no line of its own.
  const head = context.long ? `${context.json.slice(0, CONTEXT_SHOWN.chars).split('\n').slice(0, CONTEXT_SHOWN.lines).join('\n')}…` : context.json;
  const heading = context.long ? '*Context* (cut short: *Show context* has all of it)' : '*Context*';
  return { type: 'section', text: { type: 'mrkdwn', text: `${heading}\n${fence}${clip(untrusted(head, 'lines'), SLACK_LIMITS.sectionText - 80)}${fence}` } };
}

/** The whole context of an alert, for *Show context*: as many sections as it takes, within Slack's limits. */
export function alertContextMessage(alert: Alert): SlackMessage {
  const json = untrusted(JSON.stringify(contextOf(alert), null, 2), 'lines');
  const fence = '```';
  const size = SLACK_LIMITS.sectionText - 10;
  const chunks: string[] = [];
  for (let i = 0; i < json.length && chunks.length < SLACK_LIMITS.blocks - 1; i += size) chunks.push(json.slice(i, i + size));
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Context of* ${untrusted(alert.title)} (\`${untrusted(alert.id)}\`)`, SLACK_LIMITS.sectionText) } },
    ...chunks.map((chunk): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: `${fence}${chunk}${fence}` } })),
  ];
  return { text: clip(`Context of ${untrusted(alert.title)}`, SLACK_LIMITS.fallbackText), blocks };
}

/** A rule's reference is a link only when it is a plain http(s) URL; anything else is shown as text. */
function referenceLink(reference: string): string {
  const shown = clip(untrusted(reference), 200);
  return /^https?:\/\/[^\s<>|]+$/.test(reference) ? `*Reference:* <${reference}|${shown}>` : `*Reference:* ${shown}`;
}

/** Facts as section fields, at most Slack's ten to a section. */
function factSections(facts: Array<[string, string]>): KnownBlock[] {
  const sections: KnownBlock[] = [];
  for (let i = 0; i < facts.length; i += SLACK_LIMITS.fields)
    sections.push({
      type: 'section',
      fields: facts.slice(i, i + SLACK_LIMITS.fields).map(([name, value]) => ({ type: 'mrkdwn', text: clip(`*${name}*\n${value}`, SLACK_LIMITS.fieldText) })),
    });
  return sections;
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
    { type: 'header', text: { type: 'plain_text', text: clip(`${numbered(alert)}${untrusted(alert.title, 'plain')}`, SLACK_LIMITS.headerText), emoji: true } },
    ...factSections(alertFacts(alert)),
    { type: 'section', text: { type: 'mrkdwn', text: clip(untrusted(alert.description, 'lines'), SLACK_LIMITS.sectionText) } },
  ];
  const context = contextBlock(alert);
  if (context) blocks.push(context);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(links.join('\n'), SLACK_LIMITS.sectionText) } });
  const actions = alertButtons(alert);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: 'alert_actions', elements: actions });
  const assign = assignBlock(alert);
  if (assign) blocks.push(assign);
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: clip(`Alert \`${untrusted(alert.id)}\` · tags ${untrusted(alert.tags.join(', ')) || 'none'}`, SLACK_LIMITS.sectionText) },
    ],
  });

  // The top-level text is mrkdwn too (notifications, the channel preview): escaped like the blocks.
  return {
    text: clip(`[${alert.severity}] ${untrusted(alert.title)}`, SLACK_LIMITS.fallbackText),
    color: SEVERITY_COLOR[alert.severity],
    blocks,
  };
}

/** `#42 ` before a title, once the alert has its number. */
function numbered(alert: Alert): string {
  return alert.number !== undefined ? `#${alert.number} ` : '';
}

/** Where the alert was posted: a channel link when Slack gave its id, the name as text otherwise (the terminal). */
function channelText(channel: string): string {
  return /^[CG][A-Z0-9]+$/.test(channel) ? `<#${channel}>` : untrusted(channel);
}

/** The DM to someone an alert was assigned to. */
export function assignedMessage(alert: Alert): SlackMessage {
  const ref = alertRef(alert);
  const lines = [
    `${SEVERITY_EMOJI[alert.severity]} *${untrusted(ref)} ${untrusted(alert.title)}* (${alert.severity}) was assigned to you by ${mention(alert.assignedBy)}.`,
    ...(alert.slack ? [`It is in ${channelText(alert.slack.channel)}.`] : []),
    `\`/prowl ack ${untrusted(ref)}\` acknowledges it; \`/prowl note ${untrusted(ref)} …\` adds a note to its thread.`,
  ];
  return {
    text: clip(`${untrusted(ref)} ${untrusted(alert.title)} was assigned to you`, SLACK_LIMITS.fallbackText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), SLACK_LIMITS.sectionText) } }],
  };
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
