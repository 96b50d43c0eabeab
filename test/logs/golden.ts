import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogType } from '../../src/logs/log-type';
import { parseObject, type ParsedRecord } from '../../src/logs/parse';
import { decompressed } from '../../src/logs/read-object';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
export const PARSE_TIME = '2026-11-22T12:00:00.000Z';

export type GoldenRecord = { position: number; logType: string; event: Record<string, unknown> } | { position: number; quarantined: string };

/** Small, odd-sized chunks, so every fixture also tests records and characters split across reads. */
const CHUNK_BYTES = 61;

export async function parseFixture(relative: string, logTypes: LogType[]): Promise<GoldenRecord[]> {
  const records: GoldenRecord[] = [];
  const stream = createReadStream(join(FIXTURES, relative), { highWaterMark: CHUNK_BYTES });
  for await (const record of parseObject(decompressed(stream), {
    logTypes,
    origin: { sourceId: 'fixtures', sourceLabel: 'fixtures', objectId: relative },
    parseTime: PARSE_TIME,
  })) {
    records.push(asGolden(record));
  }
  return records;
}

function asGolden(record: ParsedRecord): GoldenRecord {
  if (record.kind === 'quarantined') return { position: record.position, quarantined: record.reason };
  return { position: record.position, logType: record.logType.name, event: record.event };
}

export function events(records: GoldenRecord[]): Array<Record<string, unknown>> {
  return records.flatMap((record) => ('event' in record ? [record.event] : []));
}

export function quarantined(records: GoldenRecord[]): Array<{ position: number; quarantined: string }> {
  return records.flatMap((record) => ('quarantined' in record ? [record] : []));
}

/**
 * Compares with `<fixture>.golden.json`. Run with UPDATE_GOLDEN=1 to write it after a deliberate
 * change, then review the diff like code.
 */
export function expectGolden(relative: string, records: GoldenRecord[]): void {
  const path = join(FIXTURES, `${relative}.golden.json`);
  const text = `${JSON.stringify(records, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  if (!existsSync(path)) throw new Error(`${path} is missing; run the test with UPDATE_GOLDEN=1, review the file and commit it`);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
