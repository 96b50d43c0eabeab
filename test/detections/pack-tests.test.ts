import { rules } from '../../detections';
import { runRuleTests } from '../../src/detect/rule-tests';

// Run once, through the real parsers and engine; each case is then its own test, so a failure names its rule.
const results = runRuleTests(rules);

describe("the detection pack's own tests", () => {
  it.each(results.map((result) => [result.ruleId, result.testName, result] as const))('%s: %s', (_ruleId, _testName, result) => {
    expect(result.passed ? 'passed' : result.reason).toBe('passed');
  });

  it('ran every rule and every case: nothing was silently skipped', () => {
    // Coverage results plus every rule's tests.
    expect(results).toHaveLength(rules.length + rules.reduce((sum, rule) => sum + rule.tests.length, 0));
  });
});
