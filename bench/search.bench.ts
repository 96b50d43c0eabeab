/**
 * DuckDB search over one million CloudTrail events in a local lake.
 *
 *   npx tsx bench/search.bench.ts [--events 1000000] [--hours 48] [--keep | --lake <dir>]
 *
 * --keep leaves the generated lake in place and prints where; --lake <dir> searches a lake kept
 * from an earlier run (generated in the same hour) instead of writing a new one.
 * Writes the events as gzip NDJSON into 48 hourly partitions of a temporary lake (the real
 * layout), then times a filtered search and an indicator (`any ip=`) search. Each search runs
 * three times; the first run is cold (files not yet in the page cache).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime, Settings } from 'luxon';
import { createDuckDbBackend } from '../src/search/duckdb-backend';
import { formatBytes } from '../src/search/result-summary';
import { runSearch } from '../src/search/search';
import { TARGET_IP, writeCloudTrailLake } from './synthetic-lake';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  const value = index === -1 ? fallback : Number(args[index + 1]);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
};
const EVENTS = option('events', 1_000_000);
const HOURS = option('hours', 48);
const KEEP = args.includes('--keep');
const EXISTING_LAKE = args.includes('--lake') ? args[args.indexOf('--lake') + 1] : undefined;
const FILES_PER_HOUR = 2;

async function main(): Promise<void> {
  const end = DateTime.utc().startOf('hour');
  Settings.now = () => end.toMillis();
  const lakeDir = EXISTING_LAKE ?? mkdtempSync(join(tmpdir(), 'prowl-bench-lake-'));
  const backend = createDuckDbBackend({ lakeDir });
  try {
    if (!EXISTING_LAKE) {
      const generating = performance.now();
      const { bytes } = writeCloudTrailLake(lakeDir, { events: EVENTS, hours: HOURS, end, filesPerHour: FILES_PER_HOUR });
      console.log(
        `lake: ${EVENTS.toLocaleString('en')} CloudTrail events, ${HOURS} hourly partitions, ${formatBytes(bytes)} gzip, written in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
      );
    }
    console.log(`      ${lakeDir}`);

    const searches = [
      ['filtered', `AWS.CloudTrail eventName=DeleteTrail userIdentity.arn~*admin* last ${HOURS}h`],
      ['indicator', `any ip=${TARGET_IP} last ${HOURS}h`],
      ['indicator CIDR', `any ip=203.0.113.0/24 last ${HOURS}h`],
    ] as const;
    for (const [label, query] of searches) {
      const times: number[] = [];
      let rows = 0;
      for (let run = 0; run < 3; run += 1) {
        const started = performance.now();
        const { result } = await runSearch(query, backend, { now: DateTime.utc(), timeoutMs: 300_000, maxRows: 10_000 });
        times.push(performance.now() - started);
        rows = result.rowCount;
      }
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `${label.padEnd(15)} ${query}\n${''.padEnd(15)} ${rows} rows; cold ${(times[0]! / 1000).toFixed(2)} s, median ${(sorted[1]! / 1000).toFixed(2)} s, best ${(sorted[0]! / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    backend.close();
    if (!KEEP && !EXISTING_LAKE) rmSync(lakeDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
