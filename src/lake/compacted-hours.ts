import type { DateTime } from 'luxon';
import { PARQUET_PREFIX } from './lake-layout';
import type { LakeStorage } from './lake-storage';

const MARKER_IN_KEY = /^parquet\/([a-z0-9_]+)\/year=(\d{4})\/month=(\d{2})\/day=(\d{2})\/hour=(\d{2})\/_compacted\.json$/;

/**
 * The compacted hours of some tables within a range, from the markers in the lake bucket: one
 * listing per table and month (two keys per compacted hour, so a month is two pages at most). For
 * Athena, which cannot look at markers itself: the compiler reads these hours from the Parquet
 * tables and every other hour from the JSON ones.
 */
export async function compactedHoursIn(
  storage: LakeStorage,
  tables: readonly string[],
  range: { from: DateTime; to: DateTime },
): Promise<(table: string, hour: DateTime) => boolean> {
  const months: string[] = [];
  for (let month = range.from.toUTC().startOf('month'); month < range.to; month = month.plus({ months: 1 })) {
    months.push(month.toFormat("'year='yyyy/'month='LL/"));
  }
  const compacted = new Set<string>();
  const listings = tables.flatMap((table) => months.map((month) => storage.list(`${PARQUET_PREFIX}${table}/${month}`)));
  for (const objects of await Promise.all(listings)) {
    for (const object of objects) {
      const match = MARKER_IN_KEY.exec(object.key);
      if (match) compacted.add(`${match[1]}/${match[2]}-${match[3]}-${match[4]}T${match[5]}`);
    }
  }
  return (table, hour) => compacted.has(`${table}/${hour.toUTC().toFormat("yyyy-LL-dd'T'HH")}`);
}
