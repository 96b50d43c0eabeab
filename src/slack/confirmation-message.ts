import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Alert, Confirmation, Escalation } from '../alerts/alert';
import { mention } from './alert-message';
import { untrusted } from './escape';
import { clip, SLACK_LIMITS, type SlackMessage } from './message';

export const CONFIRM_ACTIONS = {
  yes: 'confirm.yes',
  no: 'confirm.no',
} as const;

function when(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
}

function read(event: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = event?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The event in plain words, from the alert's first sample: what, where, from where and when. */
export function eventInWords(alert: Alert): string {
  const event = alert.samples[0] as Record<string, unknown> | undefined;
  const what = read(event, 'eventName');
  const service = read(event, 'eventSource');
  const account = read(event, 'recipientAccountId') ?? alert.samples[0]?.p_any_aws_account_ids?.[0];
  const region = read(event, 'awsRegion');
  const ip = read(event, 'sourceIPAddress');
  const at = read(event, 'p_event_time') ?? alert.firstSeen;
  const parts = [
    what
      ? `call *${clip(untrusted(what), 200)}*${service ? ` on ${clip(untrusted(service), 200)}` : ''}`
      : `do what the rule *${untrusted(alert.ruleId)}* looks for`,
    account ? `in AWS account ${clip(untrusted(account), 100)}` : undefined,
    region ? `(${clip(untrusted(region), 100)})` : undefined,
    ip ? `from ${clip(untrusted(ip), 200)}` : undefined,
    `at ${when(at)}`,
  ].filter((part): part is string => part !== undefined);
  return parts.join(' ');
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } };
}

/** The DM to the person behind an alert: the event in plain words, and two buttons bound to them. */
export function confirmationRequest(alert: Alert, confirmation: Confirmation, timeoutMinutes: number): SlackMessage {
  const who = clip(untrusted(confirmation.principal), 300);
  return {
    text: `Was this you? ${clip(untrusted(alert.title), 200)}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Was this you?', emoji: true } },
      section(`Prowl saw ${who} ${eventInWords(alert)}.\nIt raised *${clip(untrusted(alert.title), 300)}* (${alert.severity}).`),
      section(
        `If it was you, say so and the security team can move on. If not, they are told at once. Without an answer within ${timeoutMinutes} minutes (by ${when(confirmation.deadline)}), the alert escalates.`,
      ),
      {
        type: 'actions',
        block_id: 'confirm_actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Yes, that was me' }, action_id: CONFIRM_ACTIONS.yes, value: alert.id, style: 'primary' },
          { type: 'button', text: { type: 'plain_text', text: 'No, it wasn’t me' }, action_id: CONFIRM_ACTIONS.no, value: alert.id, style: 'danger' },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Alert \`${untrusted(alert.id)}\``, SLACK_LIMITS.sectionText) }] },
    ],
  };
}

/** The DM once it has an answer (or timed out): what was recorded, no buttons left to press. */
export function confirmationClosed(alert: Alert, confirmation: Confirmation): SlackMessage {
  const outcome =
    confirmation.status === 'confirmed'
      ? `You confirmed this was you. Thanks${alert.status === 'RESOLVED' && alert.resolution?.reason === 'benign' ? '; the alert is resolved as expected activity' : ''}.`
      : confirmation.status === 'denied'
        ? 'You said this was not you. The security team has been told and may contact you.'
        : 'No answer was given in time; the security team has been told.';
  return {
    text: `Was this you? ${clip(untrusted(alert.title), 200)}: answered`,
    blocks: [
      section(`*Was this you?* Prowl saw ${clip(untrusted(confirmation.principal), 300)} ${eventInWords(alert)}.`),
      section(outcome),
      { type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Alert \`${untrusted(alert.id)}\``, SLACK_LIMITS.sectionText) }] },
    ],
  };
}

/** The alert's thread reply for each step of "was this you?". */
export function confirmationNote(alert: Alert, confirmation: Confirmation): SlackMessage {
  const who = confirmation.userId ? mention(confirmation.userId) : 'nobody';
  const principal = clip(untrusted(confirmation.principal), 300);
  const lines: Record<Confirmation['status'], string> = {
    pending: `:speech_balloon: Asking ${who} (${principal}) whether this was them.`,
    asking: `:speech_balloon: Asking ${who} (${principal}) whether this was them.`,
    asked: `:speech_balloon: Asked ${who} (${principal}) whether this was them; without an answer by ${when(confirmation.deadline)} the alert escalates.`,
    confirmed: `:white_check_mark: ${who} confirmed this was them${alert.status === 'RESOLVED' && alert.resolution?.reason === 'benign' ? ' — resolved as expected activity' : ''}.`,
    denied: `:warning: ${who} says this was *not* them.`,
    unanswered: `:hourglass: No answer from ${who} (${principal}) by ${when(confirmation.deadline)}.`,
    unreachable: `:grey_question: Could not ask who did this: ${untrusted(confirmation.reason ?? 'no Slack user found')}.`,
  };
  const text = lines[confirmation.status];
  return { text: clip(text, SLACK_LIMITS.fallbackText), blocks: [section(text)] };
}

/** `S…` user groups as `<!subteam^S…>`, users as mentions; the terminal user as text. */
export function mentionAll(principals: readonly string[]): string {
  if (principals.length === 0) return 'nobody is configured to be mentioned (set the team’s `escalation.notify` or `responders`)';
  return principals.map((id) => (/^S[A-Z0-9]+$/.test(id) ? `<!subteam^${id}>` : mention(id))).join(' ');
}

function escalationReason(alert: Alert, escalation: Escalation): string {
  const asked = alert.confirmation?.userId ? mention(alert.confirmation.userId) : 'the person asked';
  switch (escalation.reason) {
    case 'unacknowledged':
      return `still open, not acknowledged, since ${when(alert.followUp?.plannedAt ?? alert.createdAt)}`;
    case 'denied':
      return `${asked} says this activity was not them`;
    case 'unanswered':
      return `${asked} did not answer whether this was them`;
  }
}

/** The escalation, told in the alert's thread with the team's responders mentioned. */
export function escalationMessage(alert: Alert, escalation: Escalation): SlackMessage {
  const text = `:rotating_light: *Escalated* (${alert.severity}): ${escalationReason(alert, escalation)}. ${mentionAll(escalation.notify)}`;
  return { text: clip(text, SLACK_LIMITS.fallbackText), blocks: [section(text)] };
}

/** The same escalation in the team's second channel, pointing at the alert. */
export function escalationElsewhere(alert: Alert, escalation: Escalation): SlackMessage {
  const channel = alert.slack?.channel;
  const where = channel ? ` in ${/^[CG][A-Z0-9]+$/.test(channel) ? `<#${channel}>` : untrusted(channel)}` : '';
  const text = `:rotating_light: *Escalated* [${alert.severity}] ${clip(untrusted(alert.title), 300)}${where}: ${escalationReason(alert, escalation)}. ${mentionAll(escalation.notify)}\nAlert \`${untrusted(alert.id)}\``;
  return { text: clip(text, SLACK_LIMITS.fallbackText), blocks: [section(text)] };
}
