import { DateTime, Duration } from 'luxon';
import { ProwlError } from '../errors';

/** When a suppression ends: a length from now, a date, or never. */
export type Expiry = { kind: 'for'; text: string } | { kind: 'until'; text: string } | { kind: 'forever' };

const UNITS: Record<string, 'minutes' | 'hours' | 'days' | 'weeks'> = { m: 'minutes', h: 'hours', d: 'days', w: 'weeks' };
const LONGEST = Duration.fromObject({ days: 366 });

/**
 * When a suppression ends, as an ISO time in UTC (undefined: never). Dates are read in the
 * user's own time zone: "until 2026-12-01" means midnight where they are, not in UTC.
 */
export function expiryTime(expiry: Expiry, now: DateTime, zone: string): string | undefined {
  if (expiry.kind === 'forever') return undefined;
  let end: DateTime;
  if (expiry.kind === 'for') {
    const match = /^(\d+)\s*([mhdw])$/i.exec(expiry.text)!;
    end = now.plus({ [UNITS[match[2]!.toLowerCase()]!]: Number(match[1]) });
  } else {
    end = DateTime.fromFormat(expiry.text, expiry.text.includes(':') ? 'yyyy-MM-dd H:mm' : 'yyyy-MM-dd', { zone });
    if (!end.isValid)
      throw new ProwlError('prowl_bad_command', `"${expiry.text}" is not a date; write YYYY-MM-DD or YYYY-MM-DD HH:mm (your time zone, ${zone}).`);
  }
  if (end <= now) throw new ProwlError('prowl_bad_command', `that end time (${end.toUTC().toISO()}) is already past.`);
  if (end.diff(now) > LONGEST) throw new ProwlError('prowl_bad_command', 'a suppression can last at most a year; use "forever" if you mean it.');
  return end.toUTC().toISO()!;
}
