import { createHash } from 'node:crypto';
import { IndicatorSet } from './indicators';
import type { LogType, NormalizedEvent } from './log-type';
import { toUtcIso } from './time';

export { toUtcIso };

/** Where a record came from: enough to give it a stable id and a label. */
export interface RecordOrigin {
  sourceId: string;
  sourceLabel: string;
  /** The object (bucket/key plus version or etag) or message the record was read from. */
  objectId: string;
  /** Position of the record within the object: 1-based line or record number. */
  position: number;
}

/** The object's part of its rows' ids: hashed once per object rather than once per row. */
export function rowIdPrefix(origin: Omit<RecordOrigin, 'position'>): string {
  return createHash('sha256').update(`${origin.sourceId}\n${origin.objectId}`).digest('hex').slice(0, 20);
}

/** 20 hex digits for the object, 12 for the position: 32 in all, unique per object and position. */
export function rowIdAt(prefix: string, position: number): string {
  return prefix + position.toString(16).padStart(12, '0');
}

/** Same object and position → same id, so reprocessing an object never creates new rows. */
export function rowId(origin: RecordOrigin): string {
  return rowIdAt(rowIdPrefix(origin), origin.position);
}

/**
 * Adds the p_ fields to an event the caller owns (the parser's fresh record), without copying
 * it: copying every event would cost as much as parsing it.
 */
export function normalizeInPlace<E extends object>(
  logType: LogType<E>,
  event: E,
  origin: Omit<RecordOrigin, 'position'>,
  id: string,
  parseTime: string,
): NormalizedEvent<E> {
  const found = new IndicatorSet();
  logType.indicators(event, found);
  const normalized = event as NormalizedEvent<E>;
  normalized.p_log_type = logType.name;
  normalized.p_row_id = id;
  normalized.p_event_time = toUtcIso(logType.eventTime(event)) ?? parseTime;
  normalized.p_parse_time = parseTime;
  normalized.p_source_id = origin.sourceId;
  normalized.p_source_label = origin.sourceLabel;
  return found.assignTo(normalized);
}

/** The normalized copy of an event; the event itself is left as it was. */
export function normalize<E extends object>(logType: LogType<E>, event: E, origin: RecordOrigin, parseTime: string): NormalizedEvent<E> {
  return normalizeInPlace(logType, { ...event }, origin, rowId(origin), parseTime);
}
