import { z } from 'zod';
import { logTypeByName } from '../../logs/registry';
import type { RuleTest } from '../rule';
import type { CompiledSigmaRule } from './compile-rule';
import { describePath, type SigmaProblem } from './sigma-error';
import { readYamlDocuments } from './yaml-source';

/**
 * Tests for Sigma rules live beside the rule: `foo.yml` → `foo.tests.yml`. Sigma has no place for
 * test events, and a sibling file keeps the rule itself a plain Sigma document other tools can read.
 *
 * ```yaml
 * tests:
 *   - name: StopLogging by an engineer matches
 *     expect: true
 *     event: { ...a complete raw CloudTrail record... }
 * ```
 * When the rule file holds several rules, each test names its rule with `rule:` (Sigma id or title).
 */
const testsFileSchema = z.strictObject({
  tests: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1, 'every test needs a name'),
        expect: z.boolean({ error: 'expect must be true (the rule matches) or false (it does not)' }),
        rule: z.string().min(1).optional(),
        event: z.record(z.string(), z.unknown(), { error: "event must be a map: a complete raw event of the rule's log type" }),
      }),
    )
    .min(1, 'tests must list at least one test'),
});

export const TESTS_SUFFIXES = ['.tests.yml', '.tests.yaml'] as const;

/**
 * Reads a tests file for the rules of its sibling rule file. Every event is checked against the
 * rule's log type schema now, so a broken test event is a load error with its line, not a puzzling
 * test failure later.
 */
export function parseSigmaTests(
  text: string,
  file: string,
  rules: readonly CompiledSigmaRule[],
): { tests: Map<CompiledSigmaRule, RuleTest[]>; problems: SigmaProblem[] } {
  const tests = new Map<CompiledSigmaRule, RuleTest[]>();
  const problems: SigmaProblem[] = [];
  const source = readYamlDocuments(text);
  if ('errors' in source) {
    return {
      tests,
      problems: source.errors.map(({ line, message }) => ({
        kind: 'tests',
        file,
        ...(line === undefined ? {} : { line }),
        message: `malformed YAML: ${message}`,
      })),
    };
  }
  const [document, ...extra] = source.documents;
  if (!document || extra.length > 0)
    return { tests, problems: [{ kind: 'tests', file, message: 'a tests file holds exactly one YAML document with a `tests:` list' }] };

  const report = (path: ReadonlyArray<string | number>, message: string): void => {
    const line = document.lineOf(path);
    problems.push({ kind: 'tests', file, ...(line === undefined ? {} : { line }), ...(path.length > 0 ? { where: describePath(path) } : {}), message });
  };
  const parsed = testsFileSchema.safeParse(document.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report(
        issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
        issue.message,
      );
    return { tests, problems };
  }

  const seen = new Set<string>();
  parsed.data.tests.forEach((test, index) => {
    const rule = pickRule(test.rule, rules);
    if (typeof rule === 'string') return report(['tests', index, ...(test.rule === undefined ? [] : ['rule'])], rule);
    const key = `${rule.rule.id}\n${test.name}`;
    if (seen.has(key)) return report(['tests', index, 'name'], `test name "${test.name}" is used twice for ${rule.rule.id}; names identify tests in reports`);
    seen.add(key);
    const checked = logTypeByName(rule.logType).schema.safeParse(test.event);
    if (!checked.success) {
      // One problem per issue, each at the line of the offending field of the event.
      for (const issue of checked.error.issues)
        report(
          ['tests', index, 'event', ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))],
          `not a valid ${rule.logType} event: ${issue.message}`,
        );
      return;
    }
    // Kept as written, not as parsed: the test runner parses it again, as ingestion would.
    const event = test.event as unknown as RuleTest['event'];
    tests.set(rule, [...(tests.get(rule) ?? []), { name: test.name, expect: test.expect, event }]);
  });
  return { tests, problems };
}

/** The rule a test is for; a string explains why none fits. */
function pickRule(wanted: string | undefined, rules: readonly CompiledSigmaRule[]): CompiledSigmaRule | string {
  const names = rules.map((rule) => rule.sigmaId ?? rule.title).join(', ');
  if (wanted === undefined) {
    return rules.length === 1 ? rules[0]! : `the rule file holds ${rules.length} rules; say which with rule: (one of ${names})`;
  }
  return rules.find((rule) => rule.sigmaId === wanted || rule.title === wanted) ?? `no rule "${wanted}" in the rule file; rules: ${names}`;
}
