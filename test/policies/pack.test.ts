import { policies } from '../../detections/policies';
import { runPolicyTests } from '../../src/detect/policy-tests';

// Run once through the real evaluator; each case is then its own test, so a failure names its policy.
const results = runPolicyTests(policies);

describe("the policy pack's own tests", () => {
  it.each(results.map((result) => [result.policyId, result.testName, result] as const))('%s: %s', (_policyId, _testName, result) => {
    expect(result.passed ? 'passed' : result.reason).toBe('passed');
  });

  it('ran every policy and every case', () => {
    expect(results).toHaveLength(policies.length + policies.reduce((sum, policy) => sum + policy.tests.length, 0));
  });
});
