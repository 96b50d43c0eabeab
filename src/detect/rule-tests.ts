import { EMPTY_DETECTION_SETTINGS } from '../config/detection-settings';
import type { Severity } from '../config/severity';
import { describeIssues } from '../config/zod-issues';
import type { LogType } from '../logs/log-type';
import { normalize, type RecordOrigin } from '../logs/normalize';
import { builtInLogTypes, type LogTypeRegistry } from '../logs/registry';
import { createEngine } from './engine';
import type { Rule, RuleTest } from './rule';

/** The outcome of one test of one rule; `reason` says why a failing test failed. */
export interface RuleTestResult {
  ruleId: string;
  testName: string;
  passed: boolean;
  reason?: string;
  /** What the alert would say, when the event matched: lets a report or a test show it. */
  title?: string;
  dedup?: string;
  severity?: Severity;
}

/** The name of the pseudo-test a rule fails when it lacks a matching or a non-matching case. */
export const COVERAGE_TEST_NAME = 'has matching and non-matching tests';

/** Fixed so a test event normalizes to the same p_ fields on every run. */
const PARSE_TIME = '2026-01-01T00:00:00.000Z';

/** The engine's time budget is not under test here: a frozen clock keeps results independent of machine load. */
const frozenClock = (): number => 0;

/** Rules whose id contains `filter` (case-insensitive); every rule when there is no filter. */
export function selectRules(rules: readonly Rule[], filter?: string): Rule[] {
  const needle = filter?.toLowerCase();
  return needle ? rules.filter((rule) => rule.id.toLowerCase().includes(needle)) : [...rules];
}

/**
 * Runs each rule's own tests the way production would see the events: validated and normalized by
 * the real log type, then evaluated by the real engine with only that rule loaded. Pass the
 * deployment's registry when rules are written against custom log types.
 */
export function runRuleTests(rules: readonly Rule[], filter?: string, logTypes: LogTypeRegistry = builtInLogTypes): RuleTestResult[] {
  return selectRules(rules, filter).flatMap((rule) => [coverageResult(rule), ...rule.tests.map((test, index) => runOne(rule, test, index, logTypes))]);
}

function coverageResult(rule: Rule): RuleTestResult {
  const matching = rule.tests.some((test) => test.expect === true);
  const nonMatching = rule.tests.some((test) => test.expect === false);
  const missing = [matching ? undefined : 'one with expect: true', nonMatching ? undefined : 'one with expect: false'].filter(Boolean);
  return missing.length === 0
    ? { ruleId: rule.id, testName: COVERAGE_TEST_NAME, passed: true }
    : {
        ruleId: rule.id,
        testName: COVERAGE_TEST_NAME,
        passed: false,
        reason: `every rule needs at least one matching and one non-matching test; add ${missing.join(' and ')}`,
      };
}

function runOne(rule: Rule, test: RuleTest, index: number, logTypes: LogTypeRegistry): RuleTestResult {
  const base = { ruleId: rule.id, testName: test.name || `test #${index + 1}` };
  const logTypeName = test.logType ?? rule.logTypes[0];
  if (logTypeName === undefined || !rule.logTypes.includes(logTypeName)) {
    return {
      ...base,
      passed: false,
      reason: `test log type "${String(logTypeName)}" is not one of the rule's log types (${rule.logTypes.join(', ') || 'none'})`,
    };
  }

  let logType: LogType;
  try {
    logType = logTypes.byName(logTypeName);
  } catch (error) {
    return { ...base, passed: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const parsed = logType.schema.safeParse(test.event);
  if (!parsed.success) {
    return { ...base, passed: false, reason: `test event is not a valid ${logTypeName} event:\n${describeIssues(parsed.error, 'event')}` };
  }

  const origin: RecordOrigin = { sourceId: 'prowl-test', sourceLabel: 'prowl test', objectId: `${rule.id}/${base.testName}`, position: index + 1 };
  const event = normalize(logType, parsed.data, origin, PARSE_TIME);
  // Disabled rules keep their tests honest: the engine skips disabled rules, so enable a copy.
  const engine = createEngine([{ ...rule, enabled: true }], {
    timeBudgetMs: Number.POSITIVE_INFINITY,
    now: frozenClock,
    settings: { ...EMPTY_DETECTION_SETTINGS, ...test.settings },
  });
  const { matches, failures } = engine.evaluate(event);

  if (failures.length > 0) {
    const thrown = failures.map((failure) => `${failure.kind}: ${failure.message}`).join('; ');
    return { ...base, passed: false, reason: `a rule function threw: ${thrown}` };
  }
  const match = matches[0];
  if (test.expect !== (match !== undefined)) {
    return {
      ...base,
      passed: false,
      reason: test.expect ? 'expected the rule to match, but it did not' : `expected no match, but the rule matched ("${match?.title ?? ''}")`,
    };
  }
  return match ? { ...base, passed: true, title: match.title, dedup: match.dedup, severity: match.severity } : { ...base, passed: true };
}
