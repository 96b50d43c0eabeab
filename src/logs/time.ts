import { DateTime } from 'luxon';
import { z } from 'zod';

// The shape nearly every AWS timestamp has (`2026-11-22T10:00:00Z`, with or without a fraction).
// It is rewritten as text, with no date arithmetic: this runs once per event and luxon costs
// more than parsing the event. Anything else (offsets, week dates) takes luxon's full ISO grammar.
const PLAIN_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;

/** ISO-8601 UTC with milliseconds, or undefined when the value is not a time. */
export function toUtcIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value === '-') return undefined;
  if (PLAIN_UTC.test(value)) {
    if (value.length === 24) return value;
    if (value.length === 20) return `${value.slice(0, 19)}.000Z`;
    const fraction = value.slice(20, -1);
    return `${value.slice(0, 19)}.${fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0')}Z`;
  }
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? fourDigitYear(parsed.toUTC().toISO()) : undefined;
}

/** Years outside 0000–9999 come out as `+012345-…`, which no partition or query expects. */
function fourDigitYear(iso: string | null | undefined): string | undefined {
  return iso && /^\d{4}-/.test(iso) ? iso : undefined;
}

/** Unix seconds (VPC flow `start`) as ISO-8601 UTC; undefined for null or out-of-range values. */
export function isoFromUnixSeconds(seconds: number | null | undefined): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : fourDigitYear(date.toISOString());
}

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};
const COMMON_LOG_TIME = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

let lastCommonLogTime = '';
let lastCommonLogIso: string | undefined;

/**
 * `06/Feb/2019:00:00:38 +0000` (S3 access logs, the Apache common-log time) as ISO-8601 UTC.
 * Consecutive lines mostly share their second, so the last answer is kept; UTC times (all that
 * S3 writes) are rewritten as text without date arithmetic.
 */
export function isoFromCommonLogTime(text: string): string | undefined {
  if (text === lastCommonLogTime) return lastCommonLogIso;
  const m = COMMON_LOG_TIME.exec(text);
  const month = m ? MONTHS[m[2]!] : undefined;
  let iso: string | undefined;
  if (m && month && Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60) {
    if (m[8] === '00' && m[9] === '00') {
      iso = `${m[3]}-${month}-${m[1]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
    } else {
      const millis = Date.parse(`${m[3]}-${month}-${m[1]}T${m[4]}:${m[5]}:${m[6]}${m[7]}${m[8]}:${m[9]}`);
      iso = Number.isNaN(millis) ? undefined : fourDigitYear(new Date(millis).toISOString());
    }
  }
  lastCommonLogTime = text;
  lastCommonLogIso = iso;
  return iso;
}

/** An ISO-8601 time field; the message says what is accepted, for quarantine reasons. */
export function isoTimeSchema(): z.ZodISODateTime {
  return z.iso.datetime({ offset: true, error: 'expected an ISO-8601 time such as 2026-11-22T10:00:00Z' });
}
