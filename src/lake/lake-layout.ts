import type { DateTime } from 'luxon';
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

/**
 * The compacted layout: an hour's events rewritten as Parquet under
 * `parquet/<table>/year=YYYY/month=MM/day=DD/hour=HH/`, the same partitions as `logs/`, read
 * through the Glue table `<table>_parquet`. `table` is the snake-case table name (aws_cloudtrail);
 * `hour` any instant in the hour (an ISO-8601 UTC string or a DateTime).
 */
export const PARQUET_PREFIX = 'parquet/';

type Hour = string | DateTime;

function isoHour(hour: Hour): string {
  return typeof hour === 'string' ? hour : hour.toUTC().toISO()!;
}

/** The Glue table over a JSON table's compacted hours. */
export function parquetTableName(table: string): string {
  return `${table}_parquet`;
}

/** Where one hour's JSON files are: `logs/<table>/year=…/hour=HH/`. */
export function jsonHourPrefix(table: string, hour: Hour): string {
  return `${LAKE_PREFIX}${table}/${hourPartition(isoHour(hour))}/`;
}

/** Where one hour's Parquet files are: `parquet/<table>/year=…/hour=HH/`. */
export function parquetHourPrefix(table: string, hour: Hour): string {
  return `${PARQUET_PREFIX}${table}/${hourPartition(isoHour(hour))}/`;
}

/** The one Parquet file of a table's hour on a laptop (DuckDB writes it). Fixed name, so compacting again replaces it. */
export function parquetKey(table: string, hour: DateTime): string {
  return `${parquetHourPrefix(table, hour)}${table}-${hour.toUTC().toFormat('yyyyLLddHH')}.parquet`;
}

/** Where a table's compaction markers are, one per compacted hour, named so they list in time order. */
export function compactedMarkerPrefix(table: string): string {
  return `${PARQUET_PREFIX}${table}/_compacted/`;
}

/**
 * The marker that says an hour's Parquet is complete: written after the last Parquet file and
 * removed before any is deleted, so a search reads Parquet for an hour only when it has one and
 * the JSON stays authoritative otherwise. Outside the partition directories (and starting with an
 * underscore, which Athena skips), so no query ever reads it as data; one listing of the prefix
 * tells which hours of a range are compacted. Its body says what the hour was made from: the
 * laptop's compaction (compaction-marker.ts) and Athena's (athena-compaction.ts) each read their own.
 * `parquet/aws_cloudtrail/_compacted/2026-11-22-10`.
 */
export function compactedMarkerKey(table: string, hour: Hour): string {
  const iso = isoHour(hour);
  return `${compactedMarkerPrefix(table)}${iso.slice(0, 10)}-${iso.slice(11, 13)}`;
}
