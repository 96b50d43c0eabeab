/**
 * The lake at scale, JSON against compacted Parquet: 10 M CloudTrail events over 7 days.
 *
 *   npm run bench -- lake [--events 10000000] [--days 7] [--lake <dir>] [--fresh]
 *
 * The lake is generated straight into the layout (gzip NDJSON, two files per hour, as the writer
 * leaves it), then every hour is compacted to Parquet with the same code `npm start` and
 * `prowl compact` run. Both are kept under .prowl/bench-lake-<events>-<days>d (gitignored), so a
 * second run only searches; --fresh builds them again. A filtered, an indicator and a CIDR search
 * then run over the whole week on both layouts in the same process: rows (which must agree), time,
 * and bytes read (all of each JSON file in range; of Parquet, the chunks of the columns used).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { compactClosedHours, compactionTables } from '../src/lake/compaction';
import { directoryLakeStorage } from '../src/lake/lake-storage';
import { createDuckDbBackend } from '../src/search/duckdb-backend';
import { formatBytes } from '../src/search/result-summary';
import { compileSearch } from '../src/search/search';
import type { SearchResult } from '../src/search/search-backend';
import { createSearchCatalog } from '../src/search/search-catalog';
import { TARGET_IP, writeCloudTrailLake } from './synthetic-lake';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(args[index + 1]);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const EVENTS = option('events', 10_000_000);
const DAYS = option('days', 7);
const LAKE = args.includes('--lake') ? args[args.indexOf('--lake') + 1]! : join(process.cwd(), '.prowl', `bench-lake-${EVENTS}-${DAYS}d`);
/** A fixed week, so a kept lake answers the same searches on any day. */
const END = DateTime.fromISO('2026-01-12T00:00:00Z', { zone: 'utc' });
const RANGE = `since ${END.minus({ days: DAYS }).toISODate()} until ${END.toISODate()}`;
const TARGET_BYTES_RATIO = 0.1;
const TARGET_SECONDS = 3;

function filesUnder(dir: string, suffix: string): { count: number; bytes: number } {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(suffix));
  return { count: files.length, bytes: files.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) };
}

async function buildLake(): Promise<void> {
  const built = join(LAKE, '.built');
  if (args.includes('--fresh')) rmSync(LAKE, { recursive: true, force: true });
  if (!existsSync(built)) {
    rmSync(LAKE, { recursive: true, force: true });
    mkdirSync(LAKE, { recursive: true });
    const started = performance.now();
    writeCloudTrailLake(LAKE, { events: EVENTS, hours: DAYS * 24, end: END, filesPerHour: 2 });
    console.log(`generated ${EVENTS.toLocaleString('en')} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const compacting = performance.now();
    const summary = await compactClosedHours({
      storage: directoryLakeStorage(LAKE),
      tables: compactionTables(createSearchCatalog()),
      now: END.plus({ days: 1 }),
      settleMinutes: 60,
      threads: 2,
    });
    if (summary.failed > 0 || summary.compacted !== DAYS * 24) throw new Error(`compaction: ${JSON.stringify(summary)}`);
    console.log(`compacted ${summary.compacted} hours in ${((performance.now() - compacting) / 1000).toFixed(0)} s`);
    writeFileSync(built, '');
  }
  const json = filesUnder(join(LAKE, 'logs'), '.json.gz');
  const parquet = filesUnder(join(LAKE, 'parquet'), '.parquet');
  console.log(`lake: ${EVENTS.toLocaleString('en')} CloudTrail events over ${DAYS} days in ${LAKE}`);
  console.log(
    `      JSON ${json.count} files, ${formatBytes(json.bytes)}; Parquet ${parquet.count} files, ${formatBytes(parquet.bytes)} (ratio ${(parquet.bytes / json.bytes).toFixed(3)})`,
  );
}

async function main(): Promise<void> {
  await buildLake();
  const backend = createDuckDbBackend({ lakeDir: LAKE });
  const now = END.plus({ days: 1 });
  const run = async (query: string, layout: 'json' | 'parquet'): Promise<SearchResult> => {
    // The same compiler, told every hour is still JSON, reads the JSON layout of the same lake.
    const target = layout === 'json' ? { ...backend.target, compactedHour: () => false } : backend.target;
    return backend.run(compileSearch(query, target, { now }), { timeoutMs: 900_000, maxRows: 10_000 });
  };
  const searches = [
    ['filtered', `AWS.CloudTrail eventName=DeleteTrail userIdentity.arn~*admin* ${RANGE} fields eventName,userIdentity.arn`],
    ['indicator', `any ip=${TARGET_IP} ${RANGE}`],
    ['CIDR', `AWS.CloudTrail sourceIPAddress=203.0.113.0/24 ${RANGE} fields eventName,sourceIPAddress`],
  ] as const;
  let met = true;
  try {
    for (const [label, query] of searches) {
      const json = await run(query, 'json');
      // Parquet three times: the first is cold (footers and pages not yet cached), the median is reported.
      const times: number[] = [];
      let parquet = json;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        parquet = await run(query, 'parquet');
        times.push(parquet.elapsedMs);
      }
      if (JSON.stringify(parquet.rows) !== JSON.stringify(json.rows)) throw new Error(`${label}: Parquet and JSON returned different rows`);
      const median = [...times].sort((a, b) => a - b)[1]!;
      const ratio = parquet.bytesScanned / json.bytesScanned;
      met &&= ratio <= TARGET_BYTES_RATIO && median < TARGET_SECONDS * 1000;
      console.log(`${label.padEnd(10)} ${query}`);
      console.log(`${''.padEnd(10)} ${json.rowCount} rows (same on both)`);
      console.log(`${''.padEnd(10)} JSON    ${(json.elapsedMs / 1000).toFixed(2).padStart(7)} s  ${formatBytes(json.bytesScanned).padStart(9)} read`);
      console.log(
        `${''.padEnd(10)} Parquet ${(median / 1000).toFixed(2).padStart(7)} s  ${formatBytes(parquet.bytesScanned).padStart(9)} read (cold ${(times[0]! / 1000).toFixed(2)} s)`,
      );
      console.log(`${''.padEnd(10)} Parquet/JSON: bytes ${ratio.toFixed(3)}, time ${(median / json.elapsedMs).toFixed(3)}`);
    }
  } finally {
    backend.close();
  }
  console.log(`targets (Parquet bytes ≤ ${TARGET_BYTES_RATIO} of JSON, each search < ${TARGET_SECONDS} s): ${met ? 'met' : 'NOT met'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
