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
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { DateTime, Settings } from 'luxon';
import { createDuckDbBackend } from '../src/search/duckdb-backend';
import { formatBytes } from '../src/search/result-summary';
import { runSearch } from '../src/search/search';

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

const TARGET_IP = '203.0.113.77';
const NAMES = [
  'GetObject',
  'PutObject',
  'DescribeInstances',
  'AssumeRole',
  'GetCallerIdentity',
  'ListBuckets',
  'Decrypt',
  'ConsoleLogin',
  'CreateLogStream',
  'PutLogEvents',
];
const SOURCES = [
  's3.amazonaws.com',
  's3.amazonaws.com',
  'ec2.amazonaws.com',
  'sts.amazonaws.com',
  'sts.amazonaws.com',
  's3.amazonaws.com',
  'kms.amazonaws.com',
  'signin.amazonaws.com',
  'logs.amazonaws.com',
  'logs.amazonaws.com',
];
const USERS = Array.from({ length: 200 }, (_, index) => `user${index}`);
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];

/** A small deterministic generator, so every run writes the same lake. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * One normalized CloudTrail event as a JSON line, built as a string: JSON.stringify of a fresh
 * object per event would dominate the run. Every value is from fixed lists or digits, so none
 * needs escaping.
 */
function eventLine(next: () => number, millis: number, index: number): string {
  const pick = Math.floor(next() * NAMES.length);
  const rare = next();
  const admin = rare < 0.0005;
  const eventName = admin ? 'DeleteTrail' : NAMES[pick]!;
  const eventSource = admin ? 'cloudtrail.amazonaws.com' : SOURCES[pick]!;
  const account = ACCOUNTS[Math.floor(next() * ACCOUNTS.length)]!;
  const user = admin ? 'admin' : USERS[Math.floor(next() * USERS.length)]!;
  const ip = rare > 0.999 ? TARGET_IP : `${10 + Math.floor(next() * 200)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}`;
  const arn = `arn:aws:iam::${account}:user/${user}`;
  const key = `AKIA${String(index % 100_000).padStart(16, '0')}`;
  const iso = new Date(millis).toISOString();
  const id = `${index.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
  return (
    `{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDA${index % 9973}","arn":"${arn}","accountId":"${account}","accessKeyId":"${key}","userName":"${user}"},` +
    `"eventTime":"${iso.replace('.000Z', 'Z')}","eventSource":"${eventSource}","eventName":"${eventName}","awsRegion":"us-east-1","sourceIPAddress":"${ip}",` +
    `"userAgent":"aws-cli/2.15.0 Python/3.11.6 Linux/6.1","requestParameters":{"bucketName":"bucket-${index % 50}"},"responseElements":null,` +
    `"requestID":"${id}","eventID":"${id}","readOnly":${pick % 3 !== 1},"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"${account}","eventCategory":"Management",` +
    `"p_log_type":"AWS.CloudTrail","p_row_id":"${id.replace(/-/g, '')}","p_event_time":"${iso}","p_parse_time":"${iso}","p_source_id":"bench","p_source_label":"bench trail",` +
    `"p_any_ip_addresses":["${ip}"],"p_any_aws_account_ids":["${account}"],"p_any_aws_arns":["${arn}"],"p_any_usernames":["${user}"],"p_any_trace_ids":["${key}"]}`
  );
}

/**
 * Writes the lake one file at a time. Plain synchronous gzip at the fastest level measured faster
 * here than async gzip on the thread pool, whose chunks wait on a main thread busy building lines.
 */
function writeLake(lakeDir: string, end: DateTime): { bytes: number } {
  const perFile = Math.ceil(EVENTS / (HOURS * FILES_PER_HOUR));
  let written = 0;
  let bytes = 0;
  for (let hour = 0; hour < HOURS; hour += 1) {
    const start = end.minus({ hours: HOURS - hour }).toMillis();
    const dir = join(lakeDir, 'logs', 'aws_cloudtrail', DateTime.fromMillis(start, { zone: 'utc' }).toFormat("'year='yyyy/'month='LL/'day='dd/'hour='HH"));
    mkdirSync(dir, { recursive: true });
    for (let file = 0; file < FILES_PER_HOUR; file += 1) {
      const count = Math.min(perFile, EVENTS - written);
      const next = random(written + 1);
      const lines = new Array<string>(count);
      for (let index = 0; index < count; index += 1) {
        // Spread over the hour, interleaved between the hour's files.
        const offset = Math.floor(((index * FILES_PER_HOUR + file) / (count * FILES_PER_HOUR)) * 3_600_000);
        lines[index] = eventLine(next, start + offset, written + index);
      }
      const body = gzipSync(`${lines.join('\n')}\n`, { level: constants.Z_BEST_SPEED });
      writeFileSync(join(dir, `bench-${file}.json.gz`), body);
      bytes += body.length;
      written += count;
    }
  }
  return { bytes };
}

async function main(): Promise<void> {
  const end = DateTime.utc().startOf('hour');
  Settings.now = () => end.toMillis();
  const lakeDir = EXISTING_LAKE ?? mkdtempSync(join(tmpdir(), 'prowl-bench-lake-'));
  const backend = createDuckDbBackend({ lakeDir });
  try {
    if (!EXISTING_LAKE) {
      const generating = performance.now();
      const { bytes } = writeLake(lakeDir, end);
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
