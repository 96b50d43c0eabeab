import { fieldMatcher } from './sigma-helpers';

describe('the time modifiers (minute, hour, day, week, month, year)', () => {
  const at = (eventTime: string): Record<string, unknown> => ({ eventTime });

  it('compare one part of an ISO-8601 timestamp, in UTC', () => {
    expect(fieldMatcher('eventTime|hour', 3)(at('2026-11-22T03:15:09Z'))).toBe(true);
    expect(fieldMatcher('eventTime|hour', 3)(at('2026-11-22T04:15:09Z'))).toBe(false);
    expect(fieldMatcher('eventTime|minute', 15)(at('2026-11-22T03:15:09Z'))).toBe(true);
    expect(fieldMatcher('eventTime|day', 22)(at('2026-11-22T03:15:09Z'))).toBe(true);
    expect(fieldMatcher('eventTime|week', 47)(at('2026-11-22T03:15:09Z'))).toBe(true);
    expect(fieldMatcher('eventTime|month', 11)(at('2026-11-22T03:15:09Z'))).toBe(true);
    expect(fieldMatcher('eventTime|year', 2026)(at('2026-11-22T03:15:09Z'))).toBe(true);
  });

  it('combine with gt, gte, lt, lte and neq, for out-of-hours rules', () => {
    expect(fieldMatcher('eventTime|hour|gte', 22)(at('2026-11-22T23:01:00Z'))).toBe(true);
    expect(fieldMatcher('eventTime|hour|lt', 6)(at('2026-11-22T05:59:00Z'))).toBe(true);
    expect(fieldMatcher('eventTime|hour|lt', 6)(at('2026-11-22T06:00:00Z'))).toBe(false);
    expect(fieldMatcher('eventTime|month|neq', 12)(at('2026-11-22T06:00:00Z'))).toBe(true);
  });

  it('read an SQL-style timestamp, and match nothing that is not a time', () => {
    expect(fieldMatcher('time|hour', 10)({ time: '2026-11-22 10:00:00' })).toBe(true);
    expect(fieldMatcher('eventTime|hour', 10)(at('yesterday at ten'))).toBe(false);
    expect(fieldMatcher('eventTime|hour', 10)({})).toBe(false);
  });
});
