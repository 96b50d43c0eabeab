import { rules } from '../../detections';
import { runRuleTests } from '../../src/detect/rule-tests';

describe("the detection pack's own tests", () => {
  it('all pass when run through the real parsers and engine', () => {
    const results = runRuleTests(rules);
    const failures = results.filter((result) => !result.passed).map(({ ruleId, testName, reason }) => `${ruleId} / ${testName}: ${reason ?? ''}`);
    expect(failures).toEqual([]);
    // Coverage results plus every rule's tests: nothing was silently skipped.
    expect(results).toHaveLength(rules.length + rules.reduce((sum, rule) => sum + rule.tests.length, 0));
  });
});
