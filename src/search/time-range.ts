import { DateTime, Duration } from 'luxon';
import type { QueryNode, TimeUnit, ValueNode } from './query-ast';
import { queryError, searchRejected } from './query-error';
import type { SearchLimits } from './search-limits';

/** A half-open range [from, to) in UTC. */
export interface TimeRange {
  from: DateTime;
  to: DateTime;
}

/** One day of hourly partitions covered by a range, hours inclusive. */
export interface PartitionDay {
  year: number;
  month: number;
  day: number;
  firstHour: number;
  lastHour: number;
}

const UNIT: Record<TimeUnit, 'minutes' | 'hours' | 'days'> = { m: 'minutes', h: 'hours', d: 'days' };
const ACCEPTED_DATES = 'accepted: 2024-05-01, 2024-05-01T13:00, 2024-05-01T13:00:00Z or with an offset such as +02:00 (no zone means UTC)';

/**
 * The range a search covers: its `last` or `since … until` clause, or the default. Ranges longer
 * than the configured maximum are rejected rather than cut, so a result never silently covers less
 * than was asked.
 */
export function resolveTimeRange(query: QueryNode, limits: SearchLimits, now: DateTime): TimeRange {
  const end = now.toUTC();
  const time = query.time;
  let range: TimeRange;
  if (!time) {
    range = { from: end.minus({ hours: limits.defaultRangeHours }), to: end };
  } else if (time.kind === 'last') {
    range = { from: end.minus({ [UNIT[time.unit]]: time.amount }), to: end };
  } else {
    const from = parseInstant(query.text, time.since);
    const to = time.until ? parseInstant(query.text, time.until) : end;
    if (to <= from) {
      throw queryError(
        query.text,
        (time.until ?? time.since).span,
        time.until ? '"until" is not after "since"' : '"since" is in the future',
        'give a since date earlier than the until date (or now)',
      );
    }
    range = { from, to };
  }
  const length = range.to.diff(range.from);
  if (length > Duration.fromObject({ hours: limits.maxRangeHours })) {
    throw searchRejected(
      `the time range covers ${describeHours(length.as('hours'))}, more than the maximum of ${describeHours(limits.maxRangeHours)}; narrow it with last <n>h|d or since <date> until <date>`,
    );
  }
  return range;
}

/** A date or date-time in ISO-8601; without a zone it is UTC, so everyone's query means the same instant. */
export function parseInstant(text: string, value: ValueNode): DateTime {
  const parsed = /^\d{4}-\d{2}-\d{2}/.test(value.text) ? DateTime.fromISO(value.text, { zone: 'utc' }) : DateTime.invalid('not ISO');
  if (!parsed.isValid) throw queryError(text, value.span, 'not a date', ACCEPTED_DATES);
  return parsed.toUTC();
}

/** The days and hours of the hourly partitions that can hold events of the range. */
export function partitionDays(range: TimeRange): PartitionDay[] {
  const days: PartitionDay[] = [];
  const last = range.to.minus({ milliseconds: 1 }).startOf('hour');
  for (let hour = range.from.startOf('hour'); hour <= last; hour = hour.plus({ hours: 1 })) {
    const current = days[days.length - 1];
    if (current && current.year === hour.year && current.month === hour.month && current.day === hour.day) {
      current.lastHour = hour.hour;
    } else {
      days.push({ year: hour.year, month: hour.month, day: hour.day, firstHour: hour.hour, lastHour: hour.hour });
    }
  }
  return days;
}

/** Every hour of every partition day, e.g. for listing partition directories. */
export function partitionHours(days: readonly PartitionDay[]): DateTime[] {
  return days.flatMap((day) =>
    Array.from({ length: day.lastHour - day.firstHour + 1 }, (_, index) => DateTime.utc(day.year, day.month, day.day, day.firstHour + index)),
  );
}

function describeHours(hours: number): string {
  if (hours >= 48 && Number.isInteger(hours / 24)) return `${hours / 24} days`;
  if (hours >= 48) return `${(hours / 24).toFixed(1)} days`;
  return Number.isInteger(hours) ? `${hours} hours` : `${hours.toFixed(1)} hours`;
}
