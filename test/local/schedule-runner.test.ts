import type { ScheduledEvent } from 'aws-lambda';
import { DateTime } from 'luxon';
import { parseSchedule, ScheduleRunner } from '../../src/local/schedule-runner';

const T = DateTime.fromISO('2026-11-22T05:58:30Z', { zone: 'utc' });

function runner(expression: string) {
  let now = T;
  const runs: string[] = [];
  const schedules = new ScheduleRunner(
    [{ functionName: 'fn', expression, timeoutSeconds: 5, handler: async (event) => void runs.push((event as ScheduledEvent).time) }],
    () => now,
    'us-east-1',
  );
  return { schedules, runs, advance: (minutes: number) => void (now = now.plus({ minutes })) };
}

describe('scheduled functions on a laptop', () => {
  it('runs a rate schedule once per period on the given clock, and once for a missed stretch', async () => {
    const { schedules, runs, advance } = runner('rate(5 minutes)');
    await schedules.tick();
    advance(4);
    await schedules.tick();
    expect(runs).toEqual([]);
    advance(1);
    await schedules.tick();
    await schedules.tick();
    expect(runs).toEqual(['2026-11-22T06:03:30Z']);
    advance(60);
    await schedules.tick();
    expect(runs).toHaveLength(2);
  });

  it('runs a cron schedule when one of its minutes has passed since the last run', async () => {
    const { schedules, runs, advance } = runner('cron(0 6 * * ? *)');
    advance(1);
    await schedules.tick();
    expect(runs).toEqual([]);
    advance(1);
    await schedules.tick();
    expect(runs).toEqual(['2026-11-22T06:00:30Z']);
    advance(60);
    await schedules.tick();
    expect(runs).toHaveLength(1);
  });

  it('reads EventBridge cron fields: lists, ranges, steps, names and its weekday numbers', () => {
    const at = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'utc' });
    const weekdays = parseSchedule('cron(*/15 9-17 ? * MON-FRI *)');
    if (weekdays.kind !== 'cron') throw new Error('expected cron');
    expect(weekdays.matches(at('2026-11-23T09:45:00Z'))).toBe(true); // a Monday
    expect(weekdays.matches(at('2026-11-22T09:45:00Z'))).toBe(false); // a Sunday
    expect(weekdays.matches(at('2026-11-23T09:50:00Z'))).toBe(false);
    const sunday = parseSchedule('cron(0 0 ? * 1 *)');
    if (sunday.kind !== 'cron') throw new Error('expected cron');
    expect(sunday.matches(at('2026-11-22T00:00:00Z'))).toBe(true);
    expect(parseSchedule('rate(1 hour)')).toEqual({ kind: 'rate', minutes: 60 });
  });

  it('says what is wrong with a schedule it cannot run', () => {
    expect(() => parseSchedule('every minute')).toThrow('expected rate(<n> minutes|hours|days) or cron(<6 fields>)');
    expect(() => parseSchedule('cron(0 25 * * ? *)')).toThrow('"25" is not a value from 0 to 23');
  });

  it("sends a schedule's constant input instead of the Scheduled Event, as EventBridge does", async () => {
    let now = T;
    const events: unknown[] = [];
    const schedules = new ScheduleRunner(
      [{ functionName: 'fn', expression: 'rate(1 hour)', input: { lookbackHours: 3 }, timeoutSeconds: 5, handler: async (event) => void events.push(event) }],
      () => now,
      'us-east-1',
    );
    now = now.plus({ hours: 1 });
    await schedules.tick();
    expect(events).toEqual([{ lookbackHours: 3 }]);
  });

  it('reports a failed run and tries again at the next due time', async () => {
    let now = T;
    const reports: string[] = [];
    const schedules = new ScheduleRunner(
      [{ functionName: 'boom', expression: 'rate(1 minute)', timeoutSeconds: 5, handler: async () => Promise.reject(new Error('nope')) }],
      () => now,
      'us-east-1',
      (report) => reports.push(`${report.functionName}: ${report.error}`),
    );
    now = now.plus({ minutes: 1 });
    expect(await schedules.tick()).toEqual([{ functionName: 'boom', records: 1, failed: 1, error: 'nope' }]);
    now = now.plus({ minutes: 1 });
    await schedules.tick();
    expect(reports).toEqual(['boom: nope', 'boom: nope']);
  });
});
