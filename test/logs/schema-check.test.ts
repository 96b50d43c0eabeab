import fc from 'fast-check';
import { z } from 'zod';
import { compileSchemaCheck, schemaCheckFor } from '../../src/logs/schema-check';
import { cloudTrail } from '../../src/logs/cloudtrail';
import { parseObject } from '../../src/logs/parse';
import { SAMPLES } from './samples';

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

/** The records the samples hold, as their log type produced them (before the p_ fields). */
async function sampleEvents(sample: (typeof SAMPLES)[number]): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  for await (const record of parseObject(once(sample.records.join('\n')), {
    logTypes: [sample.logType],
    origin: { sourceId: 's', sourceLabel: 'l', objectId: 'o' },
    parseTime: '2026-11-22T12:00:00.000Z',
  })) {
    if (record.kind === 'event') events.push(Object.fromEntries(Object.entries(record.event).filter(([key]) => !key.startsWith('p_'))));
  }
  return events;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces, removes or adds one value somewhere in the record. */
function mutate(value: Json, path: number[], replacement: Json, mode: number): Json {
  if (value === null || typeof value !== 'object') return replacement;
  const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  if (entries.length === 0 || path.length === 0) {
    if (Array.isArray(value)) return mode === 0 ? [...value, replacement] : replacement;
    return mode === 0 ? { ...value, extra_field: replacement } : replacement;
  }
  const index = path[0]! % entries.length;
  const [key, child] = entries[index]!;
  if (mode === 1 && path.length === 1) {
    if (Array.isArray(value)) return value.filter((_, position) => position !== index);
    const { [key]: _removed, ...rest } = value;
    return rest;
  }
  const changed = mutate(child, path.slice(1), replacement, mode);
  if (Array.isArray(value)) return value.map((item, position) => (position === index ? changed : item));
  return { ...value, [key]: changed };
}

describe('the compiled schema check', () => {
  it.each(SAMPLES.map((sample) => [sample.logType.name, sample] as const))('accepts only what zod accepts, unchanged, for %s', async (_name, sample) => {
    const check = compileSchemaCheck(sample.logType.schema)!;
    expect(check).toBeDefined();
    const events = (await sampleEvents(sample)) as Json[];
    // The fast path must actually be taken for real records.
    for (const event of events) expect(check(event)).toBe(true);
    fc.assert(
      fc.property(
        fc.constantFrom(...events),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.jsonValue() as fc.Arbitrary<Json>,
        fc.nat(2),
        (event, path, replacement, mode) => {
          const candidate = mutate(event, path, replacement, mode);
          if (!check(candidate)) return;
          const result = sample.logType.schema.safeParse(candidate);
          expect(result.success).toBe(true);
          expect(result.data).toEqual(candidate);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it('declines schemas that would change the record or that it cannot vouch for, so zod decides', () => {
    expect(compileSchemaCheck(z.object({ a: z.string() }))).toBeUndefined();
    expect(compileSchemaCheck(z.object({ a: z.string().transform((text) => text.length) }).loose())).toBeUndefined();
    expect(compileSchemaCheck(z.object({ a: z.email() }).loose())).toBeUndefined();
    expect(compileSchemaCheck(z.object({ a: z.string().default('x') }).loose())).toBeUndefined();
  });

  it('follows the bounds and formats it does understand', () => {
    const check = compileSchemaCheck(
      z.object({ n: z.number().int().min(0).max(10), s: z.string().min(2).regex(/^a/), e: z.enum(['x', 'y']).nullish() }).strict(),
    )!;
    expect(check({ n: 3, s: 'ab' })).toBe(true);
    expect(check({ n: 3.5, s: 'ab' })).toBe(false);
    expect(check({ n: 11, s: 'ab' })).toBe(false);
    expect(check({ n: 3, s: 'b' })).toBe(false);
    expect(check({ n: 3, s: 'ab', e: 'z' })).toBe(false);
    expect(check({ n: 3, s: 'ab', other: 1 })).toBe(false);
  });
});

describe('the compiled schema check and "__proto__" keys', () => {
  it('leaves an object with an own "__proto__" key to zod, whose copy would drop it', () => {
    const check = schemaCheckFor(cloudTrail.schema)!;
    const event = JSON.parse(
      `{"eventTime":"2026-11-22T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","eventID":"e1","userIdentity":{"type":"IAMUser"},"requestParameters":{"__proto__":false}}`,
    ) as unknown;
    expect(Object.hasOwn((event as { requestParameters: object }).requestParameters, '__proto__')).toBe(true);
    expect(check(event)).toBe(false);
  });
});
