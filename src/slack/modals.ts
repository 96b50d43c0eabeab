import type { KnownBlock, ModalView, Option, PlainTextOption } from '@slack/types';
import { RESOLUTIONS, type Alert } from '../alerts/alert';
import { fieldValues } from '../alerts/suppression';
import { untrusted } from './escape';
import { clip } from './message';

export const MODALS = { resolve: 'alert.resolve.submit', suppress: 'alert.suppress.submit' } as const;

/** Block and action ids of the modal inputs, shared by the builders and the submission parsers. */
export const INPUT = {
  reason: { block: 'reason', action: 'reason' },
  note: { block: 'note', action: 'note' },
  scope: { block: 'scope', action: 'scope' },
  fields: { block: 'fields', action: 'fields' },
  duration: { block: 'duration', action: 'duration' },
  until: { block: 'until', action: 'until' },
  why: { block: 'why', action: 'why' },
} as const;

export const DURATIONS = ['30m', '1h', '4h', '1d', '7d', '30d', 'forever', 'until'] as const;
export type DurationChoice = (typeof DURATIONS)[number];
const DURATION_LABELS: Record<DurationChoice, string> = {
  '30m': '30 minutes',
  '1h': '1 hour',
  '4h': '4 hours',
  '1d': '1 day',
  '7d': '7 days',
  '30d': '30 days',
  forever: 'Forever',
  until: 'Until the date below',
};

/** Fields offered for a condition-scoped suppression, read from the alert's first sample event. */
export const CONDITION_FIELDS = [
  'sourceIPAddress',
  'userIdentity.arn',
  'userIdentity.type',
  'eventName',
  'eventSource',
  'recipientAccountId',
  'awsRegion',
  'userAgent',
  'requester',
  'remoteip',
  'srcaddr',
  'dstport',
];

function option(text: string, value: string): PlainTextOption {
  return { text: { type: 'plain_text', text: clip(untrusted(text, 'plain'), 75) }, value: clip(value, 150) };
}

function modal(callbackId: string, title: string, submit: string, alertId: string, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: alertId,
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

export function resolveModal(alert: Alert): ModalView {
  return modal(MODALS.resolve, 'Resolve alert', 'Resolve', alert.id, [
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*${untrusted(alert.title)}*\n\`${untrusted(alert.id)}\``, 3000) } },
    {
      type: 'input',
      block_id: INPUT.reason.block,
      label: { type: 'plain_text', text: 'Reason' },
      element: {
        type: 'static_select',
        action_id: INPUT.reason.action,
        initial_option: option('True positive', 'true-positive'),
        options: RESOLUTIONS.map((r) =>
          option(
            r.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()),
            r,
          ),
        ),
      },
    },
    {
      type: 'input',
      block_id: INPUT.note.block,
      optional: true,
      label: { type: 'plain_text', text: 'Note' },
      element: { type: 'plain_text_input', action_id: INPUT.note.action, multiline: true, max_length: 2000 },
    },
  ]);
}

/** The field=value pairs of the alert's first sample that a condition can be built from. */
export function conditionCandidates(alert: Alert): Array<{ field: string; value: string }> {
  const sample = alert.samples[0];
  if (!sample) return [];
  // A pair must fit whole in an option value (150 characters), or the submission could not be matched to it.
  return CONDITION_FIELDS.flatMap((field) =>
    fieldValues(sample, field)
      .slice(0, 1)
      .map((value) => ({ field, value })),
  ).filter((c) => JSON.stringify([c.field, c.value]).length <= 150);
}

export interface SuppressPreview {
  dedup: { caught: number; of: number };
  rule: { caught: number; of: number };
}

export function suppressModal(alert: Alert, preview?: SuppressPreview): ModalView {
  const candidates = conditionCandidates(alert);
  const scopes: Option[] = [
    option(`This key only: ${alert.dedup}`, 'dedup'),
    option(`The whole rule ${alert.ruleId} (admins)`, 'rule'),
    ...(candidates.length > 0 ? [option('Events with the fields ticked below', 'conditions')] : []),
  ];
  const previewText = preview
    ? `Over the last 7 days this would have silenced *${preview.dedup.caught}* of ${preview.dedup.of} alerts of this rule for this key, or *${preview.rule.caught}* for the whole rule.`
    : '_Counting what this would have caught over the last 7 days…_';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`*${untrusted(alert.title)}*\nSuppressed matches are counted on the suppression, never lost.`, 3000) },
    },
    {
      type: 'input',
      block_id: INPUT.scope.block,
      label: { type: 'plain_text', text: 'Silence' },
      element: { type: 'radio_buttons', action_id: INPUT.scope.action, initial_option: scopes[0]!, options: scopes },
    },
  ];
  if (candidates.length > 0) {
    blocks.push({
      type: 'input',
      block_id: INPUT.fields.block,
      optional: true,
      label: { type: 'plain_text', text: 'Conditions (for the third choice)' },
      element: {
        type: 'checkboxes',
        action_id: INPUT.fields.action,
        options: candidates.slice(0, 10).map((c) => option(`${c.field} = ${c.value}`, JSON.stringify([c.field, c.value]))),
      },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: INPUT.duration.block,
      label: { type: 'plain_text', text: 'For' },
      element: {
        type: 'static_select',
        action_id: INPUT.duration.action,
        initial_option: option(DURATION_LABELS['7d'], '7d'),
        options: DURATIONS.map((d) => option(DURATION_LABELS[d], d)),
      },
    },
    {
      type: 'input',
      block_id: INPUT.until.block,
      optional: true,
      label: { type: 'plain_text', text: 'Until (your time zone)' },
      element: { type: 'datepicker', action_id: INPUT.until.action },
    },
    {
      type: 'input',
      block_id: INPUT.why.block,
      label: { type: 'plain_text', text: 'Reason' },
      element: {
        type: 'plain_text_input',
        action_id: INPUT.why.action,
        max_length: 500,
        placeholder: { type: 'plain_text', text: 'e.g. nightly vulnerability scanner' },
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: previewText }] },
  );
  return modal(MODALS.suppress, 'Suppress alerts', 'Suppress', alert.id, blocks);
}
