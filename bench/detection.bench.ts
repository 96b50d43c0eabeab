import { rules as pack } from '../detections';
/**
 * Detection benchmark: events/s through read + parse + normalize + every rule (the TypeScript
 * pack and the Sigma rules), against plain JSON.parse of the same bytes, in the same run.
 * Target: ratio ≥ 0.5.
 *
 *   npx tsx bench/detection.bench.ts [records]
 *
 * SigmaHQ's AWS CloudTrail folder (../shared/corpus/sigmahq-aws-cloudtrail beside the repo) is
 * loaded too when it is there, as a user pointing --rules at it would run it.
 *
 * The input is what a trail carries: mostly routine calls (the ingest bench's generator), with
 * the pack's own CloudTrail test events — the shapes the rules are written against, matching and
 * near-miss — mixed in at 5%, each with a fresh id. Rounds interleave the
 * baseline and Prowl on the same bytes; the best round of each is kept, since noise on a shared
 * machine only ever slows a round down.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EMPTY_DETECTION_SETTINGS } from '../src/config/detection-settings';
import { createEngine } from '../src/detect/engine';
import { loadRuleSet } from '../src/detect/rule-set';
import { parseObject } from '../src/logs/parse';
import { decompressed } from '../src/logs/read-object';
import { logTypeByName } from '../src/logs/registry';
import { cloudTrailRecord, random } from './synthetic-logs';

const RECORDS = Number(process.argv[2] ?? 40_000);
const ROUNDS = 5;
const TARGET = 0.5;
const CHUNK = 64 * 1024;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const CORPUS = join(__dirname, '..', '..', 'shared', 'corpus', 'sigmahq-aws-cloudtrail');
const rules = loadRuleSet(pack, [
  { dir: join(__dirname, '..', 'detections', 'sigma'), strict: true },
  ...(existsSync(CORPUS) ? [{ dir: CORPUS, strict: false }] : []),
]).rules;
const cloudTrailEvents = rules
  .filter((rule) => rule.logTypes.includes('AWS.CloudTrail'))
  .flatMap((rule) =>
    rule.tests.filter((test) => (test.logType ?? rule.logTypes[0]) === 'AWS.CloudTrail').map((test) => test.event as unknown as Record<string, unknown>),
  );

/** Routine traffic from the ingest bench's generator; every 20th record is a rule's own test event. */
function document(records: number): Buffer {
  const next = random(3);
  const parts: string[] = [];
  for (let i = 0; i < records; i++) {
    const base = i % 20 === 0 ? cloudTrailEvents[(i / 20) % cloudTrailEvents.length]! : cloudTrailRecord(next, i);
    parts.push(JSON.stringify({ ...base, eventID: `bench-${i}` }));
  }
  return Buffer.from(`{"Records":[${parts.join(',')}]}`);
}

async function* chunks(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

async function prowl(bytes: Buffer, detect = true): Promise<{ events: number; matches: number }> {
  const engine = createEngine(rules, { timeBudgetMs: 1000, settings: EMPTY_DETECTION_SETTINGS });
  let events = 0;
  let matches = 0;
  for await (const record of parseObject(decompressed(chunks(bytes)), {
    logTypes: [logTypeByName('AWS.CloudTrail')],
    origin: { sourceId: 'bench', sourceLabel: 'bench', objectId: 'bench' },
    parseTime: '2026-11-22T12:00:00.000Z',
  })) {
    if (record.kind !== 'event') throw new Error(`bench data was quarantined: ${record.reason}`);
    events += 1;
    if (detect) matches += engine.evaluate(record.event).matches.length;
  }
  return { events, matches };
}

async function main(): Promise<void> {
  const bytes = document(RECORDS);
  let best = { baseline: Infinity, prowl: Infinity, parseOnly: Infinity };
  let counted = { events: 0, matches: 0 };
  for (let round = 0; round <= ROUNDS; round++) {
    collectGarbage();
    let started = performance.now();
    const baselineRecords = (JSON.parse(bytes.toString('utf8')) as { Records: unknown[] }).Records.length;
    const baseline = performance.now() - started;
    collectGarbage();
    started = performance.now();
    counted = await prowl(bytes);
    const ours = performance.now() - started;
    if (counted.events !== baselineRecords) throw new Error(`Prowl read ${counted.events} events, JSON.parse ${baselineRecords}`);
    collectGarbage();
    started = performance.now();
    await prowl(bytes, false);
    const parseOnly = performance.now() - started;
    if (round > 0) best = { baseline: Math.min(best.baseline, baseline), prowl: Math.min(best.prowl, ours), parseOnly: Math.min(best.parseOnly, parseOnly) };
  }
  const perSecond = (ms: number): number => Math.round(RECORDS / (ms / 1000));
  const ratio = best.baseline / best.prowl;
  console.log(
    `Detection: ${RECORDS} CloudTrail events (${(bytes.length / 1e6).toFixed(1)} MB), ${rules.length} rules loaded (${rules.filter((r) => r.origin === 'sigma').length} Sigma${existsSync(CORPUS) ? ', SigmaHQ folder included' : ''}), ${counted.matches} matches per pass`,
  );
  console.log(`  JSON.parse of the same bytes           ${perSecond(best.baseline).toLocaleString('en-US').padStart(10)} events/s`);
  console.log(
    `  read + parse + normalize (no rules)    ${perSecond(best.parseOnly).toLocaleString('en-US').padStart(10)} events/s   ratio ${(best.baseline / best.parseOnly).toFixed(2)}`,
  );
  console.log(`  read + parse + normalize + every rule  ${perSecond(best.prowl).toLocaleString('en-US').padStart(10)} events/s`);
  console.log(`  ratio ${ratio.toFixed(2)} (target ≥ ${TARGET}) ${ratio >= TARGET ? 'met' : 'NOT met'}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
