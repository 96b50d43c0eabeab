import { DateTime } from 'luxon';
import { parseQuery } from '../../src/search/parse-query';
import { DEFAULT_SEARCH_LIMITS } from '../../src/search/search-limits';
import { partitionDays, resolveTimeRange } from '../../src/search/time-range';
import { NOW, rejectionOf } from './helpers/plan';

const rangeOf = (text: string, limits = DEFAULT_SEARCH_LIMITS): [string, string] => {
  const range = resolveTimeRange(parseQuery(`T ${text}`), limits, NOW);
  return [range.from.toISO()!, range.to.toISO()!];
};

describe('resolveTimeRange', () => {
  it('covers the last 24 hours when the query names no range', () => {
    expect(rangeOf('')).toEqual(['2024-05-01T10:30:00.000Z', '2024-05-02T10:30:00.000Z']);
  });

  it('uses the configured default range', () => {
    expect(rangeOf('', { ...DEFAULT_SEARCH_LIMITS, defaultRangeHours: 2 })[0]).toBe('2024-05-02T08:30:00.000Z');
  });

  it('counts back from now for last', () => {
    expect(rangeOf('last 30m')[0]).toBe('2024-05-02T10:00:00.000Z');
    expect(rangeOf('last 7d')[0]).toBe('2024-04-25T10:30:00.000Z');
  });

  it('reads since and until as UTC unless they carry an offset', () => {
    expect(rangeOf('since 2024-05-01 until 2024-05-01T12:00+02:00')).toEqual(['2024-05-01T00:00:00.000Z', '2024-05-01T10:00:00.000Z']);
  });

  it('runs since to now without until', () => {
    expect(rangeOf('since 2024-05-02T09:00')[1]).toBe('2024-05-02T10:30:00.000Z');
  });

  it('rejects until before since, and since in the future', () => {
    expect(rejectionOf(() => rangeOf('since 2024-05-02 until 2024-05-01'))).toContain('"until" is not after "since"');
    expect(rejectionOf(() => rangeOf('since 2024-06-01'))).toContain('"since" is in the future');
  });

  it('rejects a range longer than the maximum with the numbers and a way out', () => {
    expect(rejectionOf(() => rangeOf('last 45d'))).toBe(
      'search: the time range covers 45 days, more than the maximum of 30 days; narrow it with last <n>h|d or since <date> until <date>',
    );
    expect(rejectionOf(() => rangeOf('last 3h', { ...DEFAULT_SEARCH_LIMITS, maxRangeHours: 2, defaultRangeHours: 1 }))).toContain(
      '3 hours, more than the maximum of 2 hours',
    );
  });

  it('rejects dates that are not ISO-8601', () => {
    expect(rejectionOf(() => rangeOf('since 05/01/2024'))).toContain('not a date at "05/01/2024"');
  });
});

describe('partitionDays', () => {
  const days = (from: string, to: string): unknown =>
    partitionDays({ from: DateTime.fromISO(from, { zone: 'utc' }), to: DateTime.fromISO(to, { zone: 'utc' }) });

  it('covers the hours of the range, split by day', () => {
    expect(days('2024-05-01T22:30:00Z', '2024-05-02T01:10:00Z')).toEqual([
      { year: 2024, month: 5, day: 1, firstHour: 22, lastHour: 23 },
      { year: 2024, month: 5, day: 2, firstHour: 0, lastHour: 1 },
    ]);
  });

  it('leaves out the hour that starts exactly at the exclusive end', () => {
    expect(days('2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z')).toEqual([{ year: 2024, month: 5, day: 1, firstHour: 10, lastHour: 11 }]);
  });

  it('crosses month and year ends', () => {
    expect(days('2023-12-31T23:00:00Z', '2024-01-01T00:30:00Z')).toEqual([
      { year: 2023, month: 12, day: 31, firstHour: 23, lastHour: 23 },
      { year: 2024, month: 1, day: 1, firstHour: 0, lastHour: 0 },
    ]);
  });
});
