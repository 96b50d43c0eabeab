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
  return (relativeDir) => {
    try {
      return readdirSync(join(lakeDir, relativeDir)).some((name) => name.endsWith(LAKE_FILE_SUFFIX));
    } catch (error) {
      // Missing partitions are normal (quiet hours); anything else (permissions) must not read as "no events".
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return false;
      throw error;
    }
  };
}
