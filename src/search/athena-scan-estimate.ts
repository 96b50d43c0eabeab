import { ListObjectsV2Command, type S3Client, type _Object } from '@aws-sdk/client-s3';
import { DateTime } from 'luxon';
import { compactedMarkerKey, compactedMarkerPrefix, jsonHourPrefix, LAKE_PREFIX, PARQUET_PREFIX } from '../lake/lake-layout';
import { tableName } from '../logs/log-type';
import { mapLimit } from '../scan/collection';
import type { CompiledQuery } from './compiled-query';
import { searchRejected } from './query-error';
import { formatBytes } from './result-summary';
import { partitionDays, partitionHours } from './time-range';

/**
 * What an Athena search will read, estimated before it runs from the sizes of the objects under
 * the partitions it covers: Parquet for hours the compaction has finished (a marker exists), JSON
 * for the others. For JSON (gzip, read whole) this is what Athena bills; for Parquet it is an upper
 * bound, as Athena reads only the columns a search needs.
 *
 * Listing is bounded: a table with no objects at all costs two requests; compacted hours cost one
 * listing of markers and one per month of Parquet; JSON hours one listing each, newest first across
 * tables. When the budget of requests runs out, a table's hours not listed are counted at the
 * average of its listed ones (the estimate says it is extrapolated), and listing stops as soon as
 * the total passes the cap.
 */

export interface ScanEstimate {
  bytes: number;
  /** Hours × tables covered, and how many of them were listed rather than extrapolated. */
  tableHours: number;
  listedTableHours: number;
  /** Hours read from Parquet. */
  compactedTableHours: number;
  requests: number;
  /**
   * `listed`: every hour was listed. `extrapolated`: the request budget ran out and the rest were
   * counted at the average. `at-least`: listing stopped once the total passed the cap.
   */
  basis: 'listed' | 'extrapolated' | 'at-least';
}

export interface ScanEstimateOptions {
  s3: S3Client;
  bucket: string;
  /** Listing stops once the total is past this: the answer is already "too much". */
  stopAboveBytes?: number;
  /** At most this many ListObjectsV2 requests per estimate. */
  maxRequests?: number;
  concurrency?: number;
}

const DEFAULT_MAX_REQUESTS = 300;

/** Lists a prefix, page by page, within the request budget; undefined once the budget is spent. */
type Lister = (prefix: string, page?: { startAfter?: string; stopAfter?: string; maxKeys?: number }) => Promise<_Object[] | undefined>;

export async function estimateScan(compiled: Pick<CompiledQuery, 'range' | 'logTypes'>, options: ScanEstimateOptions): Promise<ScanEstimate> {
  const estimate: ScanEstimate = { bytes: 0, tableHours: 0, listedTableHours: 0, compactedTableHours: 0, requests: 0, basis: 'listed' };
  if (!compiled.range || !compiled.logTypes) return estimate;
  const range = { from: DateTime.fromISO(compiled.range.from, { zone: 'utc' }), to: DateTime.fromISO(compiled.range.to, { zone: 'utc' }) };
  const hours = partitionHours(partitionDays(range)).map((hour) => hour.toISO()!);
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const concurrency = options.concurrency ?? 16;
  const over = (): boolean => options.stopAboveBytes !== undefined && estimate.bytes > options.stopAboveBytes;
  const list: Lister = async (prefix, page = {}) => {
    const objects: _Object[] = [];
    let token: string | undefined;
    do {
      if (estimate.requests >= maxRequests) return undefined;
      estimate.requests++;
      const output = await options.s3.send(
        new ListObjectsV2Command({
          Bucket: options.bucket,
          Prefix: prefix,
          ...(page.maxKeys === undefined ? {} : { MaxKeys: page.maxKeys }),
          ...(token ? { ContinuationToken: token } : page.startAfter ? { StartAfter: page.startAfter } : {}),
        }),
      );
      objects.push(...(output.Contents ?? []));
      const last = objects[objects.length - 1]?.Key ?? '';
      token = output.IsTruncated && page.maxKeys === undefined && !(page.stopAfter && last > page.stopAfter) ? output.NextContinuationToken : undefined;
    } while (token);
    return objects;
  };

  const tables = compiled.logTypes.map(tableName);
  estimate.tableHours = tables.length * hours.length;
  /** Per table: bytes and hours listed, hours left unlisted (the budget ran out). */
  const tally = new Map(tables.map((table) => [table, { bytes: 0, listed: 0, unlisted: 0 }]));
  const count = (table: string, objects: readonly _Object[] | undefined, hourCount: number): void => {
    const entry = tally.get(table)!;
    if (!objects) {
      entry.unlisted += hourCount;
      return;
    }
    const bytes = objects.reduce((sum, object) => sum + (object.Size ?? 0), 0);
    entry.bytes += bytes;
    entry.listed += hourCount;
    estimate.bytes += bytes;
    estimate.listedTableHours += hourCount;
  };

  // A table nothing was ever written to (a log type this account does not collect) costs two requests.
  const withData = (
    await mapLimit(tables, concurrency, async (table) => {
      const json = await list(`${LAKE_PREFIX}${table}/`, { maxKeys: 1 });
      const parquet = json?.length === 0 ? await list(`${PARQUET_PREFIX}${table}/`, { maxKeys: 1 }) : undefined;
      if (json?.length === 0 && parquet?.length === 0) {
        count(table, [], hours.length);
        return undefined;
      }
      return table;
    })
  ).filter((table): table is string => table !== undefined);

  // Compacted hours: one listing of the markers and one per month of Parquet, per table.
  const open: Array<{ table: string; hour: string }> = [];
  for (const table of withData) {
    const compacted = await compactedHours(table, hours, list);
    if (!compacted) {
      count(table, undefined, hours.length);
      continue;
    }
    estimate.compactedTableHours += compacted.size;
    for (const month of new Set([...compacted].map((hour) => hour.slice(0, 7)))) {
      const inMonth = [...compacted].filter((hour) => hour.startsWith(month));
      const objects = await list(`${PARQUET_PREFIX}${table}/year=${month.slice(0, 4)}/month=${month.slice(5, 7)}/`);
      const wanted = new Set(inMonth.map(hourDirectory));
      count(
        table,
        objects?.filter((object) => wanted.has(directoryOf(object.Key ?? ''))),
        inMonth.length,
      );
    }
    open.push(...hours.filter((hour) => !compacted.has(hour)).map((hour) => ({ table, hour })));
  }

  // Open hours, newest first across tables, so a budget that runs out leaves each table a sample.
  open.sort((a, b) => b.hour.localeCompare(a.hour) || a.table.localeCompare(b.table));
  await mapLimit(open, concurrency, async ({ table, hour }) => count(table, over() ? undefined : await list(jsonHourPrefix(table, hour)), 1));

  if (over()) {
    estimate.basis = estimate.listedTableHours < estimate.tableHours ? 'at-least' : 'listed';
    return estimate;
  }
  for (const entry of tally.values()) {
    if (entry.unlisted === 0) continue;
    estimate.basis = 'extrapolated';
    // A table with no hour listed is counted at the average of all listed hours.
    const perHour = entry.listed > 0 ? entry.bytes / entry.listed : estimate.listedTableHours > 0 ? estimate.bytes / estimate.listedTableHours : 0;
    estimate.bytes += Math.round(perHour * entry.unlisted);
  }
  return estimate;
}

/** The hours of the range (ISO) that have a compaction marker; undefined when the budget ran out. */
async function compactedHours(table: string, hours: readonly string[], list: Lister): Promise<Set<string> | undefined> {
  if (hours.length === 0) return new Set();
  const byMarker = new Map(hours.map((hour) => [compactedMarkerKey(table, hour), hour]));
  const sorted = [...hours].sort();
  // StartAfter is exclusive: the marker of the hour before the range's first.
  const before = DateTime.fromISO(sorted[0]!, { zone: 'utc' }).minus({ hours: 1 }).toISO()!;
  const markers = await list(compactedMarkerPrefix(table), {
    startAfter: compactedMarkerKey(table, before),
    stopAfter: compactedMarkerKey(table, sorted[sorted.length - 1]!),
  });
  if (!markers) return undefined;
  return new Set(markers.map((object) => byMarker.get(object.Key ?? '')).filter((hour): hour is string => hour !== undefined));
}

/** `2026-11-22T10:00:00.000Z` → `year=2026/month=11/day=22/hour=10`, the directory part of a key. */
function hourDirectory(hour: string): string {
  return `year=${hour.slice(0, 4)}/month=${hour.slice(5, 7)}/day=${hour.slice(8, 10)}/hour=${hour.slice(11, 13)}`;
}

function directoryOf(key: string): string {
  return /year=\d{4}\/month=\d{2}\/day=\d{2}\/hour=\d{2}/.exec(key)?.[0] ?? '';
}

/**
 * Refuses a search whose estimate is over the workgroup's cap, before it costs anything: Athena
 * would cancel it there anyway, after billing the bytes read so far. The message says how far
 * over it is and what would fit.
 */
export function checkScanEstimate(compiled: Pick<CompiledQuery, 'range' | 'logTypes'>, estimate: ScanEstimate, capBytes: number): void {
  if (estimate.bytes <= capBytes) return;
  const hours = estimate.tableHours / Math.max(1, compiled.logTypes?.length ?? 1);
  const fitting = Math.floor((hours * capBytes) / estimate.bytes);
  const suggestions = [
    fitting >= 1 ? `a shorter time range (about ${fitting} hour${fitting === 1 ? '' : 's'} would fit, e.g. last ${fitting}h)` : 'a much shorter time range',
    ...((compiled.logTypes?.length ?? 0) > 1 ? ['one log type instead of any (e.g. AWS.CloudTrail …)'] : []),
  ];
  const amount = {
    listed: `about ${formatBytes(estimate.bytes)}`,
    extrapolated: `about ${formatBytes(estimate.bytes)} (extrapolated from the hours listed)`,
    'at-least': `at least ${formatBytes(estimate.bytes)}`,
  }[estimate.basis];
  throw searchRejected(
    `this search would read ${amount}, more than the ${formatBytes(capBytes)} a query may scan in this deployment; narrow it with ${suggestions.join(' or ')}`,
  );
}
