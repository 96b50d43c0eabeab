import { DateTime } from 'luxon';

/**
 * Whole days from an ISO timestamp to now (luxon's clock, frozen in policy tests). An absent or
 * unreadable timestamp is "unknown", which callers treat as the safe answer for their question.
 */
export function daysSince(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const then = DateTime.fromISO(timestamp, { zone: 'utc' });
  if (!then.isValid) return undefined;
  return Math.floor(DateTime.now().diff(then, 'days').days);
}

/** True when the timestamp is known and more than `days` days ago. */
export function olderThanDays(timestamp: string | null | undefined, days: number): boolean {
  const age = daysSince(timestamp);
  return age !== undefined && age > days;
}
