/**
 * Ingest benchmark: how fast Prowl reads, parses and normalizes logs, against the cheapest thing
 * that could be done with the same bytes. (Memory on large files: large-files.bench.ts.)
 *
 *   npx tsx bench/ingest.bench.ts [--quick] [--check]
 *
 * --quick            smaller inputs
 * --check            exit 1 when a target is missed
 *
 * Each workload and its baseline are interleaved over several rounds on the same bytes, best
 * round kept (the machine's noise only ever slows a round down).
 */
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cloudTrail } from '../src/logs/cloudtrail';
import type { LogType } from '../src/logs/log-type';
import { parseObject } from '../src/logs/parse';
import { decompressed } from '../src/logs/read-object';
import { s3ServerAccess } from '../src/logs/s3-server-access';
import { logTypeByName } from '../src/logs/registry';
import { auroraAuditLines, cloudTrailDocument, cloudTrailInsightDocument, eventBridgeLines, s3AccessLines, vpcDnsLines, wafLines } from './synthetic-logs';

const TARGET_CLOUDTRAIL_RATIO = 0.5;
const CHUNK_BYTES = 64 * 1024;
const ROUNDS = 7;

// A full collection before each timed run, so neither side pays for the other's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------
// Throughput.

async function* chunksOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
}

/** Read + parse + normalize: the path ingestion and `prowl parse` take, minus the network. */
async function prowlEvents(bytes: Buffer, logType: LogType): Promise<number> {
  let events = 0;
  const records = parseObject(decompressed(chunksOf(bytes)), {
    logTypes: [logType],
    origin: { sourceId: 'bench', sourceLabel: 'bench', objectId: 'bench-object' },
    parseTime: '2026-11-22T12:00:00.000Z',
  });
  for await (const record of records) {
    if (record.kind !== 'event') throw new Error(`the benchmark's own data was quarantined: ${record.reason}`);
    events += 1;
  }
  return events;
}

interface Throughput {
  name: string;
  baselineName: string;
  bytes: number;
  events: number;
  baselinePerSecond: number;
  prowlPerSecond: number;
}

async function measure(name: string, baselineName: string, bytes: Buffer, baseline: (bytes: Buffer) => number, logType: LogType): Promise<Throughput> {
  let bestBaseline = Infinity;
  let bestProwl = Infinity;
  let events = 0;
  // Round 0 warms the JIT up and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    collectGarbage();
    let started = performance.now();
    events = baseline(bytes);
    if (round > 0) bestBaseline = Math.min(bestBaseline, performance.now() - started);
    collectGarbage();
    started = performance.now();
    const parsed = await prowlEvents(bytes, logType);
    if (round > 0) bestProwl = Math.min(bestProwl, performance.now() - started);
    if (parsed !== events) throw new Error(`${name}: Prowl read ${parsed} events, the baseline ${events}`);
  }
  return { name, baselineName, bytes: bytes.length, events, baselinePerSecond: (events / bestBaseline) * 1000, prowlPerSecond: (events / bestProwl) * 1000 };
}

// ---------------------------------------------------------------------------------------------
// Report.

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const count = (value: number): string => Math.round(value).toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
      return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const check = process.argv.includes('--check');
  console.log(
    `Prowl ingest benchmark — node ${process.version}, ${availableParallelism()} CPU(s), load average ${loadavg()[0]!.toFixed(1)}, best of ${ROUNDS} interleaved rounds\n`,
  );

  const cloudTrailBytes = cloudTrailDocument(quick ? 20_000 : 80_000);
  const s3Bytes = s3AccessLines(quick ? 50_000 : 200_000);
  const lineSplit = (bytes: Buffer): number =>
    bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '').length;
  const documentParse = (bytes: Buffer): number => (JSON.parse(bytes.toString('utf8')) as { Records: unknown[] }).Records.length;
  // JSON lines: what the cheapest reader does, one JSON.parse per line.
  const jsonLinesParse = (bytes: Buffer): number => {
    let count = 0;
    for (const line of bytes.toString('utf8').split('\n')) if (line !== '' && JSON.parse(line) !== null) count += 1;
    return count;
  };
  const lines = quick ? 50_000 : 200_000;
  const results = [
    await measure('AWS.CloudTrail {"Records":[…]}', 'JSON.parse', cloudTrailBytes, documentParse, cloudTrail),
    await measure('AWS.S3ServerAccess lines', 'line split', s3Bytes, lineSplit, s3ServerAccess),
    await measure(
      'AWS.CloudTrailInsight {"Records":[…]}',
      'JSON.parse',
      cloudTrailInsightDocument(quick ? 20_000 : 80_000),
      documentParse,
      logTypeByName('AWS.CloudTrailInsight'),
    ),
    await measure('AWS.VPCDns JSON lines', 'JSON.parse/line', vpcDnsLines(lines), jsonLinesParse, logTypeByName('AWS.VPCDns')),
    await measure('AWS.WAFWebACL JSON lines', 'JSON.parse/line', wafLines(lines / 2), jsonLinesParse, logTypeByName('AWS.WAFWebACL')),
    await measure('AWS.CloudWatchEvents JSON lines', 'JSON.parse/line', eventBridgeLines(lines), jsonLinesParse, logTypeByName('AWS.CloudWatchEvents')),
    await measure('AWS.AuroraMySQLAudit lines', 'line split', auroraAuditLines(lines), lineSplit, logTypeByName('AWS.AuroraMySQLAudit')),
  ];
  const ratioOk = results[0]!.prowlPerSecond / results[0]!.baselinePerSecond >= TARGET_CLOUDTRAIL_RATIO;
  console.log('Throughput: read + parse + normalize, against the cheapest handling of the same bytes');
  console.log(
    table([
      ['workload', 'size', 'events', 'baseline', 'baseline ev/s', 'prowl ev/s', 'prowl MiB/s', 'ratio', 'target'],
      ...results.map((result, index) => {
        const ratio = result.prowlPerSecond / result.baselinePerSecond;
        const target = index === 0 ? `>= ${TARGET_CLOUDTRAIL_RATIO} ${ratioOk ? 'met' : 'MISSED'}` : '-';
        return [
          result.name,
          mb(result.bytes),
          count(result.events),
          result.baselineName,
          count(result.baselinePerSecond),
          count(result.prowlPerSecond),
          (((result.bytes / result.events) * result.prowlPerSecond) / 1024 / 1024).toFixed(1),
          ratio.toFixed(2),
          target,
        ];
      }),
    ]),
  );

  if (check && !ratioOk) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
