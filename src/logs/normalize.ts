import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { IndicatorSet } from './indicators';
import type { LogType, NormalizedEvent } from './log-type';

/** Where a record came from: enough to give it a stable id and a label. */
export interface RecordOrigin {
  sourceId: string;
  sourceLabel: string;
  /** The object (bucket/key plus version or etag) or message the record was read from. */
  objectId: string;
  /** Position of the record within the object: 1-based line or record number. */
  position: number;
}

/** Same object and position → same id, so reprocessing an object never creates new rows. */
export function rowId(origin: RecordOrigin): string {
  return createHash('sha256').update(`${origin.sourceId}\n${origin.objectId}\n${origin.position}`).digest('hex').slice(0, 32);
}

/** ISO-8601 UTC with milliseconds, or undefined when the value is not a time. */
export function toUtcIso(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value === '-') return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed.toUTC().toISO() ?? undefined : undefined;
}

export function normalize<E extends object>(logType: LogType<E>, event: E, origin: RecordOrigin, parseTime: string): NormalizedEvent<E> {
  const found = new IndicatorSet();
  logType.indicators(event, found);
  return {
    ...event,
    p_log_type: logType.name,
    p_row_id: rowId(origin),
    p_event_time: toUtcIso(logType.eventTime(event)) ?? parseTime,
    p_parse_time: parseTime,
    p_source_id: origin.sourceId,
    p_source_label: origin.sourceLabel,
    ...found.toFields(),
  };
}
