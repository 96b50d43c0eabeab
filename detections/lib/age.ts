import { DateTime } from 'luxon';

/**
 * Whole days from an ISO timestamp to `now` (the scan's time, from the policy's context). An absent
 * or unreadable timestamp is "unknown", which callers treat as the safe answer for their question.
 */
export function daysSince(timestamp: string | null | undefined, now: DateTime): number | undefined {
  if (!timestamp) return undefined;
  const then = DateTime.fromISO(timestamp, { zone: 'utc' });
  if (!then.isValid) return undefined;
  return Math.floor(now.diff(then, 'days').days);
}

/** True when the timestamp is known and more than `days` days before `now`. */
export function olderThanDays(timestamp: string | null | undefined, days: number, now: DateTime): boolean {
  const age = daysSince(timestamp, now);
  return age !== undefined && age > days;
}
