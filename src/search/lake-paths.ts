import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DateTime } from 'luxon';
import { markerCoversFiles, markerHasColumnar, parseCompactionMarker } from '../lake/compaction-marker';
import { compactedMarkerKey, parquetKey } from '../lake/lake-layout';

/**
 * The lake layout, as search reads it: logs/<table>/year=YYYY/month=MM/day=DD/hour=HH/<name>.json.gz.
 * The lake writer owns the layout; this mirrors it for reading. Compacted hours (src/lake/lake-layout.ts)
 * are read through their marker.
 */
export function partitionDirectory(table: string, hour: DateTime): string {
  return `logs/${table}/${hour.toUTC().toFormat("'year='yyyy/'month='LL/'day='dd/'hour='HH")}`;
}

export const LAKE_FILE_SUFFIX = '.json.gz';

/**
 * Whether a partition directory under a local lake holds any lake file. DuckDB fails a query when
 * one of its file patterns matches nothing, so only partitions that have files are read.
 */
export function localPartitionExists(lakeDir: string): (relativeDir: string) => boolean {
  return (relativeDir) => hasLakeFile(join(lakeDir, relativeDir), false);
}

/** Whether a table has any lake file at all, in any partition. */
export function localTableHasFiles(lakeDir: string, table: string): boolean {
  return hasLakeFile(join(lakeDir, 'logs', table), true);
}

function hasLakeFile(directory: string, recursive: boolean): boolean {
  try {
    return readdirSync(directory, { recursive }).some((name) => String(name).endsWith(LAKE_FILE_SUFFIX));
  } catch (error) {
    // Missing partitions are normal (quiet hours); anything else (permissions) must not read as "no events".
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
}

/**
 * Whether a table's hour in a local lake is compacted: its marker is there and readable, its
 * Parquet file too, with a column for each of the table's columnar fields, and every JSON file the
 * hour holds now is one the marker compacted. A JSON file that arrived after compaction sends the
 * hour back to JSON until it is compacted again, so a search neither misses those events nor reads
 * any row twice.
 */
export function localCompactedHour(lakeDir: string, columnarOf: (table: string) => readonly string[] = () => []): (table: string, hour: DateTime) => boolean {
  return (table, hour) => {
    let text: string;
    try {
      text = readFileSync(join(lakeDir, compactedMarkerKey(table, hour)), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const marker = parseCompactionMarker(text);
    if (!marker || marker.parquetKey !== parquetKey(table, hour) || !existsSync(join(lakeDir, marker.parquetKey))) return false;
    // A file written before the table had its columnar fields lacks their columns: reading it would give NULLs.
    if (!markerHasColumnar(marker, columnarOf(table))) return false;
    return markerCoversFiles(marker, lakeFileNames(join(lakeDir, partitionDirectory(table, hour))));
  };
}

function lakeFileNames(directory: string): string[] {
  try {
    return readdirSync(directory).filter((name) => name.endsWith(LAKE_FILE_SUFFIX));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}
