import type { DateTime } from 'luxon';
import { compactedMarkerKey, compactedMarkerPrefix } from './lake-layout';
import type { LakeStorage } from './lake-storage';

const MARKER_NAME = /(\d{4}-\d{2}-\d{2})-(\d{2})$/;

/**
 * The compacted hours of some tables within a range, from the markers in the lake bucket: one
 * listing per table, starting at the range (marker names sort by hour), so a search over the last
 * day reads a day's markers, not the table's whole history.
 * For Athena, which cannot look at markers itself: the compiler reads these hours from the Parquet
 * tables and every other hour from the JSON ones.
 */
export async function compactedHoursIn(
  storage: LakeStorage,
  tables: readonly string[],
  range: { from: DateTime; to: DateTime },
): Promise<(table: string, hour: DateTime) => boolean> {
  const first = range.from.toUTC().toFormat('yyyy-LL-dd-HH');
  const last = range.to.toUTC().toFormat('yyyy-LL-dd-HH');
  const compacted = new Set<string>();
  // S3's StartAfter is exclusive: start after the marker of the hour before the range's first.
  const before = range.from.toUTC().startOf('hour').minus({ hours: 1 });
  const listings = await Promise.all(
    tables.map(async (table) => ({ table, objects: await storage.list(compactedMarkerPrefix(table), { startAfter: compactedMarkerKey(table, before) }) })),
  );
  for (const { table, objects } of listings) {
    for (const object of objects) {
      const match = MARKER_NAME.exec(object.key);
      const name = match ? `${match[1]}-${match[2]}` : undefined;
      if (name && name >= first && name <= last) compacted.add(`${table}/${name}`);
    }
  }
  return (table, hour) => compacted.has(`${table}/${hour.toUTC().toFormat('yyyy-LL-dd-HH')}`);
}
