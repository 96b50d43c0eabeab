import type { DateTime } from 'luxon';
import { z } from 'zod';
import { RESOLUTIONS, type Alert, type Resolution } from '../alerts/alert';
import { expiryTime } from '../alerts/expiry';
import type { Condition } from '../alerts/suppression';
import type { SuppressionRequest } from '../alerts/suppressions-service';
import { isProwlError } from '../errors';
import type { Expiry } from '../alerts/expiry';
import { conditionCandidates, DURATIONS, INPUT } from './modals';

/** A view's input values as Slack sends them: block id → action id → the element's state. */
const stateValues = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      value: z.string().nullish(),
      selected_option: z.object({ value: z.string() }).nullish(),
      selected_options: z.array(z.object({ value: z.string() })).nullish(),
      selected_date: z.string().nullish(),
    }),
  ),
);
export type StateValues = z.infer<typeof stateValues>;

/** Either what the form asked for, or a message per input block for Slack to show beside it. */
export type Submission<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function read(values: StateValues, input: { block: string; action: string }): StateValues[string][string] | undefined {
  return values[input.block]?.[input.action];
}

export function parseStateValues(raw: unknown): StateValues {
  return stateValues.parse(raw ?? {});
}

export function parseResolveSubmission(values: StateValues): Submission<{ reason: Resolution; note?: string }> {
  const reason = read(values, INPUT.reason)?.selected_option?.value;
  if (!reason || !RESOLUTIONS.includes(reason as Resolution))
    return { ok: false, errors: { [INPUT.reason.block]: `Choose one of ${RESOLUTIONS.join(', ')}.` } };
  const note = read(values, INPUT.note)?.value?.trim();
  return { ok: true, value: { reason: reason as Resolution, ...(note ? { note } : {}) } };
}

export function parseSuppressSubmission(values: StateValues, alert: Alert, now: DateTime, zone: string): Submission<SuppressionRequest> {
  const scope = read(values, INPUT.scope)?.selected_option?.value ?? 'dedup';
  if (!['dedup', 'rule', 'conditions'].includes(scope)) return { ok: false, errors: { [INPUT.scope.block]: 'Choose one of the scopes offered.' } };
  const reason = read(values, INPUT.why)?.value?.trim() ?? '';
  if (reason === '') return { ok: false, errors: { [INPUT.why.block]: 'Say why, so the next person knows whether it still applies.' } };

  let conditions: Condition[] = [];
  if (scope === 'conditions') {
    const picked = read(values, INPUT.fields)?.selected_options ?? [];
    // Only the boxes the modal offered, as it offered them: a crafted submission cannot name other fields or values.
    const offered = new Map(conditionCandidates(alert).map((c) => [JSON.stringify([c.field, c.value]), c]));
    if (picked.some((option) => !offered.has(option.value)))
      return { ok: false, errors: { [INPUT.fields.block]: 'Tick only the fields offered for this alert.' } };
    conditions = picked.map((option) => offered.get(option.value)!).map(({ field, value }) => ({ field, op: 'equals' as const, value }));
    if (conditions.length === 0) return { ok: false, errors: { [INPUT.fields.block]: 'Tick at least one field, or choose another scope.' } };
  }

  const duration = read(values, INPUT.duration)?.selected_option?.value ?? '7d';
  if (!(DURATIONS as readonly string[]).includes(duration)) return { ok: false, errors: { [INPUT.duration.block]: `Choose one of ${DURATIONS.join(', ')}.` } };
  const date = read(values, INPUT.until)?.selected_date ?? undefined;
  if (duration === 'until' && !date) return { ok: false, errors: { [INPUT.until.block]: 'Pick the date the suppression ends.' } };
  const expiry: Expiry = duration === 'forever' ? { kind: 'forever' } : duration === 'until' ? { kind: 'until', text: date! } : { kind: 'for', text: duration };
  let expiresAt: string | undefined;
  try {
    expiresAt = expiryTime(expiry, now, zone);
  } catch (error) {
    if (isProwlError(error)) return { ok: false, errors: { [duration === 'until' ? INPUT.until.block : INPUT.duration.block]: error.message } };
    throw error;
  }

  return {
    ok: true,
    value: {
      ruleId: alert.ruleId,
      ...(scope === 'dedup' ? { dedup: alert.dedup } : {}),
      conditions,
      ...(expiresAt ? { expiresAt } : {}),
      reason,
    },
  };
}
