import fc from 'fast-check';
import type { z } from 'zod';
import { parseObject, type ParsedRecord } from '../../src/logs/parse';
import { SAMPLES } from './samples';

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

async function parseAll(text: string, logType: (typeof SAMPLES)[number]['logType']): Promise<ParsedRecord[]> {
  const found: ParsedRecord[] = [];
  for await (const record of parseObject(once(text), {
    logTypes: [logType],
    origin: { sourceId: 's', sourceLabel: 'l', objectId: 'o' },
    parseTime: '2026-11-22T12:00:00.000Z',
  }))
    found.push(record);
  return found;
}

/** The event as its log type produced it, before Prowl added its p_ fields. */
function ownFields(event: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event).filter(([key]) => !key.startsWith('p_')));
}

// The characters that matter to the grammars: separators, quotes, brackets, nulls, escapes, newlines.
const tricky = fc.constantFrom(' ', '"', '[', ']', '{', '}', '-', '\\', ',', ':', '\n', '\r', '\t', '0', '-1', '日', '🦉', '\u0000', 'null', 'true');
const insertion = fc.oneof(tricky, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }));

/** A sample line with a few random edits: inserts, deletions, truncation, duplication. */
function mutated(line: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('insert' as const), fc.nat(line.length), insertion),
    fc.tuple(fc.constant('delete' as const), fc.nat(line.length), fc.integer({ min: 1, max: 12 })),
    fc.tuple(fc.constant('truncate' as const), fc.nat(line.length), fc.constant('')),
    fc.tuple(fc.constant('repeat' as const), fc.nat(line.length), fc.integer({ min: 1, max: 30 })),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((text, [kind, at, arg]) => {
      const where = Math.min(at, text.length);
      if (kind === 'insert') return text.slice(0, where) + String(arg) + text.slice(where);
      if (kind === 'delete') return text.slice(0, where) + text.slice(where + Number(arg));
      if (kind === 'truncate') return text.slice(0, where);
      return text.slice(0, where) + text.slice(where, where + Number(arg)) + text.slice(where);
    }, line),
  );
}

describe.each(SAMPLES.map((sample) => [sample.logType.name, sample] as const))('the %s parser, fed mutated records', (_name, sample) => {
  it('never throws past the quarantine path, and every event it accepts validates against its schema', async () => {
    // Neighbours are samples that parse on their own (the fixtures also hold deliberately bad ones).
    const good: string[] = [];
    for (const record of sample.records) if ((await parseAll(record, sample.logType)).some((parsed) => parsed.kind === 'event')) good.push(record);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sample.records).chain(mutated), fc.constantFrom(...good), async (broken, neighbour) => {
        // A good record after the broken one: a broken record must not take its neighbours with it.
        const records = await parseAll(`${broken}\n${neighbour}\n`, sample.logType);
        for (const record of records) {
          if (record.kind === 'quarantined') {
            expect(record.reason.length).toBeGreaterThan(0);
            continue;
          }
          const result = (sample.logType.schema as z.ZodType).safeParse(ownFields(record.event));
          if (!result.success) throw new Error(`accepted an event its schema rejects: ${result.error.message}\n${broken}`);
          expect(record.event.p_event_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        }
        expect(records.at(-1)).toMatchObject({ kind: 'event' });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});
