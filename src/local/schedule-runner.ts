import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { DateTime } from 'luxon';
import { ProwlError } from '../errors';
import type { InvocationReport } from './event-source-runner';
import { lambdaContext } from './lambda-context';

/** Called with EventBridge's "Scheduled Event", or with the schedule's constant `input` when it has one. */
export type ScheduledHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface ScheduleMapping {
  functionName: string;
  expression: string;
  /** A constant event to send instead of the "Scheduled Event" (a schedule's `input`). */
  input?: unknown;
  timeoutSeconds: number;
  handler: ScheduledHandler;
}

/** When a schedule fires: after each whole period (`rate`), or on the minutes a `cron` names. */
type Schedule = { kind: 'rate'; minutes: number } | { kind: 'cron'; matches(at: DateTime): boolean };

const UNIT_MINUTES: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/**
 * One field of an EventBridge cron expression as the set of values it allows: `*`, `?`, numbers,
 * names (JAN, MON), ranges, lists and steps. `L`, `W` and `#` are not supported locally.
 */
function cronField(text: string, min: number, max: number, names: string[] = [], nameBase = 1): (value: number) => boolean {
  if (text === '*' || text === '?') return () => true;
  const number = (part: string): number => {
    const named = names.indexOf(part.toUpperCase());
    const value = named >= 0 ? named + nameBase : Number(part);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`"${part}" is not a value from ${min} to ${max}`);
    return value;
  };
  const allowed = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`"${item}" has a step that is not a positive whole number`);
    const [from, to] =
      range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(number) : [number(range), stepText === undefined ? number(range) : max];
    for (let value = from!; value <= to!; value += step) allowed.add(value);
  }
  return (value) => allowed.has(value);
}

/** Parses `rate(5 minutes)` and `cron(0 6 * * ? *)` (EventBridge's six fields, in UTC). */
export function parseSchedule(expression: string): Schedule {
  const rate = /^rate\((\d+)\s+(minutes?|hours?|days?)\)$/.exec(expression.trim());
  if (rate) return { kind: 'rate', minutes: Number(rate[1]) * UNIT_MINUTES[rate[2]!]! };
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  const fields = cron?.[1]?.trim().split(/\s+/) ?? [];
  if (fields.length !== 6) throw new ProwlError('prowl_config_invalid', `schedule "${expression}": expected rate(<n> minutes|hours|days) or cron(<6 fields>)`);
  try {
    const [minute, hour, day, month, weekday, year] = [
      cronField(fields[0]!, 0, 59),
      cronField(fields[1]!, 0, 23),
      cronField(fields[2]!, 1, 31),
      cronField(fields[3]!, 1, 12, MONTHS),
      cronField(fields[4]!, 1, 7, WEEKDAYS),
      cronField(fields[5]!, 1970, 2199),
    ];
    return {
      kind: 'cron',
      // EventBridge numbers weekdays 1 (Sunday) to 7; luxon 1 (Monday) to 7 (Sunday).
      matches: (at) => minute(at.minute) && hour(at.hour) && day(at.day) && month(at.month) && weekday((at.weekday % 7) + 1) && year(at.year),
    };
  } catch (error) {
    throw new ProwlError('prowl_config_invalid', `schedule "${expression}": ${(error as Error).message}`, { cause: error });
  }
}

/** Missed minutes looked back over for a cron schedule (a laptop that slept fires once, not per minute). */
const CRON_LOOKBACK_MINUTES = 2 * 24 * 60;

function scheduledEvent(mapping: ScheduleMapping, at: DateTime, region: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: at.toUTC().toISO({ suppressMilliseconds: true })!,
    region,
    resources: [`arn:aws:events:${region}:000000000000:rule/${mapping.functionName}-schedule`],
    detail: {},
  };
}

/**
 * What EventBridge schedules do, on a laptop: calls each scheduled function's handler when its
 * schedule comes due, by the clock it is given. `tick()` fires whatever is due now (tests call it
 * after moving their frozen clock); `start()` calls it on a timer for `npm start`. A run that is
 * missed (the laptop slept) fires once, and a function never overlaps itself.
 */
export class ScheduleRunner {
  private readonly last = new Map<string, DateTime>();
  private readonly running = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<InvocationReport[]> | undefined;

  constructor(
    private readonly mappings: ScheduleMapping[],
    private readonly now: () => DateTime,
    private readonly region: string,
    private readonly onInvocation: (report: InvocationReport) => void = () => undefined,
  ) {
    const started = now();
    for (const mapping of mappings) {
      parseSchedule(mapping.expression);
      this.last.set(mapping.functionName, started);
    }
  }

  private due(mapping: ScheduleMapping, at: DateTime): boolean {
    const since = this.last.get(mapping.functionName)!;
    const schedule = parseSchedule(mapping.expression);
    if (schedule.kind === 'rate') return at.diff(since, 'minutes').minutes >= schedule.minutes;
    let minute = since.toUTC().startOf('minute').plus({ minutes: 1 });
    const end = at.toUTC();
    if (end.diff(minute, 'minutes').minutes > CRON_LOOKBACK_MINUTES) minute = end.minus({ minutes: CRON_LOOKBACK_MINUTES }).startOf('minute');
    for (; minute <= end; minute = minute.plus({ minutes: 1 })) if (schedule.matches(minute)) return true;
    return false;
  }

  /** Runs every scheduled function that is due (of `only`, when given) and reports each run. */
  async tick(only?: readonly string[]): Promise<InvocationReport[]> {
    const at = this.now();
    const due = this.mappings.filter(
      (mapping) => (!only || only.includes(mapping.functionName)) && !this.running.has(mapping.functionName) && this.due(mapping, at),
    );
    return Promise.all(due.map((mapping) => this.invoke(mapping, at)));
  }

  private async invoke(mapping: ScheduleMapping, at: DateTime): Promise<InvocationReport> {
    this.last.set(mapping.functionName, at);
    this.running.add(mapping.functionName);
    let report: InvocationReport = { functionName: mapping.functionName, records: 1, failed: 0 };
    try {
      await mapping.handler(mapping.input === undefined ? scheduledEvent(mapping, at, this.region) : mapping.input, lambdaContext(mapping));
    } catch (error) {
      report = { ...report, failed: 1, error: (error as Error).message };
    } finally {
      this.running.delete(mapping.functionName);
    }
    this.onInvocation(report);
    return report;
  }

  /** Checks the schedules every `intervalMs` (wall time) against the clock. */
  start(intervalMs = 10_000): void {
    if (this.timer || this.mappings.length === 0) return;
    this.timer = setInterval(() => {
      this.ticking ??= this.tick().finally(() => (this.ticking = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }
}
