import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DateTime } from 'luxon';

/**
 * The lake layout, as search reads it: logs/<table>/year=YYYY/month=MM/day=DD/hour=HH/<name>.json.gz.
 * The lake writer owns the layout; this mirrors it for reading.
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
