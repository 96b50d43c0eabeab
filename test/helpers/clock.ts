import { DateTime, Settings } from 'luxon';

/**
 * Freezes the clock Prowl's services read (luxon's `Settings.now`, which `services.now` and every
 * `DateTime.utc()` go through) for the tests of one file: time is wherever the test puts it, never
 * today's date. Call restore() in afterAll.
 */
export function freezeClock(at: DateTime): { set(to: DateTime): void; advance(minutes: number): void; now(): DateTime; restore(): void } {
  const before = Settings.now;
  let current = at.toMillis();
  Settings.now = () => current;
  return {
    set: (to) => void (current = to.toMillis()),
    advance: (minutes) => void (current += minutes * 60_000),
    now: () => DateTime.fromMillis(current, { zone: 'utc' }),
    restore: () => void (Settings.now = before),
  };
}
