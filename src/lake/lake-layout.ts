import { tableName } from '../logs/log-type';
import { objectFileName } from './quarantine';

/**
 * Where events live in the lake bucket:
 * `logs/<table>/year=YYYY/month=MM/day=DD/hour=HH/<name>.json.gz`, the hour being the event's
 * own (p_event_time, UTC) so Athena and DuckDB prune by the time people search for.
 */
export const LAKE_PREFIX = 'logs/';

/** `2026-11-22T10…` → `year=2026/month=11/day=22/hour=10`. p_event_time is always ISO-8601 UTC. */
export function hourPartition(eventTime: string): string {
  return `year=${eventTime.slice(0, 4)}/month=${eventTime.slice(5, 7)}/day=${eventTime.slice(8, 10)}/hour=${eventTime.slice(11, 13)}`;
}

/**
 * The lake file for one source object's events of one log type in one hour. The name comes from
 * the object, so processing it again overwrites its files rather than adding rows; `part` is
 * there for the rare object whose partition had to be closed early and opened again.
 */
export function lakeKey(logType: string, eventTime: string, objectId: string, part = 0): string {
  const name = objectFileName(objectId);
  return `${LAKE_PREFIX}${tableName(logType)}/${hourPartition(eventTime)}/${part === 0 ? name : `${name}-${part}`}.json.gz`;
}
