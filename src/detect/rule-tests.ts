import { EMPTY_DETECTION_SETTINGS } from '../config/detection-settings';
import { describeIssues } from '../config/zod-issues';
import type { LogType } from '../logs/log-type';
import { normalize, type RecordOrigin } from '../logs/normalize';
import { builtInLogTypes, type LogTypeRegistry } from '../logs/registry';
import { createEngine } from './engine';
import type { CaseOutcome, TestSubject } from './detection-tests';
import type { Rule, RuleTest } from './rule';

/** The name of the pseudo-test a rule fails when it lacks a matching or a non-matching case. */
export const COVERAGE_TEST_NAME = 'has matching and non-matching tests';

/** Fixed so a test event normalizes to the same p_ fields on every run. */
const PARSE_TIME = '2026-01-01T00:00:00.000Z';

/** The engine's time budget is not under test here: a frozen clock keeps results independent of machine load. */
const frozenClock = (): number => 0;

/**
 * A rule (TypeScript or Sigma) for the detection test runner: each case runs the way production
 * would see the event, validated and normalized by the real log type, then evaluated by the real
 * engine with only that rule loaded. Pass the deployment's registry when rules are written against
 * custom log types.
 */
export function ruleSubject(rule: Rule, logTypes: LogTypeRegistry = builtInLogTypes): TestSubject {
  return {
    kind: rule.origin === 'sigma' ? 'sigma' : 'rule',
    id: rule.id,
    cases: rule.tests.map((test, index) => ({ name: test.name, expect: test.expect, run: () => runOne(rule, test, index, logTypes) })),
    coverage: { testName: COVERAGE_TEST_NAME, requirement: 'every rule needs at least one matching and one non-matching test' },
  };
}

function runOne(rule: Rule, test: RuleTest, index: number, logTypes: LogTypeRegistry): CaseOutcome {
  const logTypeName = test.logType ?? rule.logTypes[0];
  if (logTypeName === undefined || !rule.logTypes.includes(logTypeName)) {
    return {
      passed: false,
      reason: `test log type "${String(logTypeName)}" is not one of the rule's log types (${rule.logTypes.join(', ') || 'none'})`,
    };
  }

  let logType: LogType;
  try {
    logType = logTypes.byName(logTypeName);
  } catch (error) {
    return { passed: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const parsed = logType.schema.safeParse(test.event);
  if (!parsed.success) {
    return { passed: false, reason: `test event is not a valid ${logTypeName} event:\n${describeIssues(parsed.error, 'event')}` };
  }

  const origin: RecordOrigin = {
    sourceId: 'prowl-test',
    sourceLabel: 'prowl test',
    objectId: `${rule.id}/${test.name || `test #${index + 1}`}`,
    position: index + 1,
  };
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
    return { passed: false, reason: `a rule function threw: ${thrown}` };
  }
  const match = matches[0];
  if (test.expect !== (match !== undefined)) {
    return {
      passed: false,
      reason: test.expect ? 'expected the rule to match, but it did not' : `expected no match, but the rule matched ("${match?.title ?? ''}")`,
    };
  }
  return match ? { passed: true, title: match.title, dedup: match.dedup, severity: match.severity } : { passed: true };
}
