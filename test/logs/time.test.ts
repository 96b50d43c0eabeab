import { DateTime } from 'luxon';
import fc from 'fast-check';
import { isoFromCommonLogTime, isoFromUnixSeconds, toUtcIso } from '../../src/logs/time';

describe('reading event times', () => {
  it('gives the same answer on the fast path as luxon does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 9 }),
        (date, digits) => {
          const base = date.toISOString().slice(0, 19);
          const fraction = digits === 0 ? '' : `.${String(date.getUTCMilliseconds()).padStart(3, '0').padEnd(digits, '7').slice(0, digits)}`;
          const text = `${base}${fraction}Z`;
          expect(toUtcIso(text)).toBe(DateTime.fromISO(text, { zone: 'utc' }).toUTC().toISO());
        },
      ),
    );
  });

  it('converts offsets to UTC and refuses what is not a time', () => {
    expect(toUtcIso('2026-11-22T11:00:00+01:00')).toBe('2026-11-22T10:00:00.000Z');
    expect(toUtcIso('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(toUtcIso('-')).toBeUndefined();
    expect(toUtcIso(42)).toBeUndefined();
  });

  it('reads the common-log time of S3 access logs, with its offset', () => {
    expect(isoFromCommonLogTime('22/Nov/2026:10:00:38 +0000')).toBe('2026-11-22T10:00:38.000Z');
    expect(isoFromCommonLogTime('22/Nov/2026:10:00:38 -0130')).toBe('2026-11-22T11:30:38.000Z');
    expect(isoFromCommonLogTime('22/Foo/2026:10:00:38 +0000')).toBeUndefined();
  });

  it('reads unix seconds', () => {
    expect(isoFromUnixSeconds(1795341600)).toBe('2026-11-22T10:00:00.000Z');
    expect(isoFromUnixSeconds(null)).toBeUndefined();
  });
});

describe('event times out of range', () => {
  it('are refused rather than written as six-digit years', () => {
    expect(isoFromUnixSeconds(1791795341600)).toBeUndefined();
    expect(toUtcIso('+012026-11-22T10:00:00Z')).toBeUndefined();
  });
});
