import { DateTime } from 'luxon';
import type { Alert } from '../alerts/alert';

/** Which indicator best pins down who did it, in order: ARN, user, address. */
const PIVOTS: Array<{ field: 'p_any_aws_arns' | 'p_any_usernames' | 'p_any_ip_addresses'; alias: string }> = [
  { field: 'p_any_aws_arns', alias: 'arn' },
  { field: 'p_any_usernames', alias: 'user' },
  { field: 'p_any_ip_addresses', alias: 'ip' },
];

const MARGIN_MINUTES = 15;

/** What an analyst reads first, per log type; others get the search's default columns. */
const SUMMARY_FIELDS: Record<string, string> = {
  'AWS.CloudTrail': 'eventID,eventName,eventSource,sourceIPAddress,errorCode',
};

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

/**
 * The search behind "Show events": everything the alert's actor did around the alert — in the
 * alert's log type with its summary fields when it has one, else across log types — the context
 * an analyst opens first. Falls back to the sampled events themselves
 * when no indicator is shared by every sample.
 */
export function showEventsQuery(alert: Alert): string {
  const from = DateTime.fromISO(alert.firstSeen, { zone: 'utc' }).minus({ minutes: MARGIN_MINUTES }).toISO();
  const to = DateTime.fromISO(alert.lastSeen, { zone: 'utc' }).plus({ minutes: MARGIN_MINUTES }).toISO();
  const range = `since ${from} until ${to}`;
  for (const pivot of PIVOTS) {
    const shared = alert.samples
      .map((event) => new Set(event[pivot.field] ?? []))
      .reduce<Set<string> | undefined>((common, values) => (common ? new Set([...common].filter((v) => values.has(v))) : values), undefined);
    const value = shared ? [...shared].sort()[0] : undefined;
    if (!value) continue;
    const [logType] = alert.logTypes;
    const summary = logType && alert.logTypes.length === 1 ? SUMMARY_FIELDS[logType] : undefined;
    return summary
      ? `${logType} ${pivot.field}=${quoted(value)} ${range} limit 200 fields ${summary}`
      : `any ${pivot.alias}=${quoted(value)} ${range} limit 200`;
  }
  const logType = alert.logTypes[0] ?? 'any';
  const ids = alert.samples.map((event) => quoted(event.p_row_id)).join(', ');
  return `${logType} p_row_id in (${ids}) ${range} limit 200`;
}
