import { DateTime } from 'luxon';
import type { TimePart } from './modifiers';

/**
 * One part of a timestamp written in the event (`2026-11-22T03:15:00Z` → hour 3), read in UTC as
 * the Sigma specification leaves time zones alone. ISO-8601 and `YYYY-MM-DD HH:MM:SS` are read;
 * anything else is not a time and matches nothing.
 */
export function timePartOf(text: string, part: TimePart): number | undefined {
  let time = DateTime.fromISO(text, { zone: 'utc' });
  if (!time.isValid) time = DateTime.fromSQL(text, { zone: 'utc' });
  if (!time.isValid) return undefined;
  switch (part) {
    case 'minute':
      return time.minute;
    case 'hour':
      return time.hour;
    case 'day':
      return time.day;
    case 'week':
      return time.weekNumber;
    case 'month':
      return time.month;
    case 'year':
      return time.year;
  }
}
