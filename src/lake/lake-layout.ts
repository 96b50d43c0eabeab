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
 * Compacted hours: `parquet/<table>/year=YYYY/month=MM/day=DD/hour=HH/`, the same partitions as the
 * JSON layout under a parallel prefix, holding ONE Parquet file per table and hour and, written
 * last, the compaction marker. Until the marker exists the hour's JSON is what searches read.
 */
export const PARQUET_PREFIX = 'parquet/';

/** The hour's partition path from an hour (any instant inside it); the same text as hourPartition. */
export function hourPartitionOf(hour: DateTime): string {
  return hour.toUTC().toFormat("'year='yyyy/'month='LL/'day='dd/'hour='HH");
}

/** `logs/<table>/year=…/hour=HH/`: where an hour's JSON files are. */
export function jsonHourPrefix(table: string, hour: DateTime): string {
  return `${LAKE_PREFIX}${table}/${hourPartitionOf(hour)}/`;
}

/** `parquet/<table>/year=…/hour=HH/`: where an hour's compacted file and marker are. */
export function parquetHourPrefix(table: string, hour: DateTime): string {
  return `${PARQUET_PREFIX}${table}/${hourPartitionOf(hour)}/`;
}

/** The one Parquet file of a table's hour. Fixed name, so compacting again replaces it. */
export function parquetKey(table: string, hour: DateTime): string {
  return `${parquetHourPrefix(table, hour)}${table}-${hour.toUTC().toFormat('yyyyLLddHH')}.parquet`;
}

/**
 * The marker that says the hour is compacted (JSON with the table, hour, Parquet key, rows and the
 * JSON file names it was made from). A leading underscore: Athena and Hive skip such files, so the
 * marker never reads as data of the Parquet table.
 */
export function compactionMarkerKey(table: string, hour: DateTime): string {
  return `${parquetHourPrefix(table, hour)}_compacted.json`;
}

/** The Glue table over a table's Parquet layout: the JSON table's name with `_parquet`. */
export function parquetTableName(table: string): string {
  return `${table}_parquet`;
}
