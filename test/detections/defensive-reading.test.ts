import fc from 'fast-check';
import { rules } from '../../detections';
import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createEngine } from '../../src/detect/engine';
import type { Rule } from '../../src/detect/rule';
import { normalize } from '../../src/logs/normalize';
import { logTypeByName } from '../../src/logs/registry';

/**
 * Rules must never throw on a partial or oddly shaped event. Starting from each rule's own test
 * events (so the fields the rule reads are the ones disturbed), random parts are replaced by
 * arbitrary JSON (null, strings where objects were, arrays, numbers); whatever the log type's
 * schema still accepts must go through every rule function without an exception.
 */

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

function replaceAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

const origin = { sourceId: 'fuzz', sourceLabel: 'fuzz', objectId: 'fuzz', position: 1 };
const PARSE_TIME = '2026-01-01T00:00:00.000Z';

function failuresFor(rule: Rule, logTypeName: string, candidate: unknown): string[] | undefined {
  const logType = logTypeByName(logTypeName);
  const parsed = logType.schema.safeParse(candidate);
  if (!parsed.success) return undefined;
  const engine = createEngine([{ ...rule, enabled: true }], { timeBudgetMs: Number.POSITIVE_INFINITY, now: () => 0, settings: EMPTY_DETECTION_SETTINGS });
  return engine.evaluate(normalize(logType, parsed.data, origin, PARSE_TIME)).failures.map((failure) => `${failure.kind}: ${failure.message}`);
}

describe.each(rules.map((rule): [string, Rule] => [rule.id, rule]))('%s', (_id, rule) => {
  it('never throws when parts of its test events are replaced by arbitrary values', () => {
    for (const test of rule.tests) {
      const logTypeName = test.logType ?? rule.logTypes[0]!;
      const paths = pathsOf(test.event).filter((path) => path.length > 0);
      const mutation = fc.array(fc.tuple(fc.integer({ min: 0, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 });
      fc.assert(
        fc.property(mutation, (changes) => {
          const candidate = changes.reduce<unknown>((event, [index, value]) => replaceAt(event, paths[index]!, value), test.event);
          const failures = failuresFor(rule, logTypeName, candidate);
          fc.pre(failures !== undefined);
          expect(failures).toEqual([]);
        }),
        { seed: 4242, numRuns: 40 },
      );
    }
  });
});
