import { policies } from '../../detections/policies';
import { runPolicyTests } from '../../src/detect/policy-tests';

describe("the policy pack's own tests", () => {
  it('all pass', () => {
    const failed = runPolicyTests(policies)
      .filter((result) => !result.passed)
      .map((result) => `${result.policyId} › ${result.testName}: ${result.reason ?? ''}`);
    expect(failed).toEqual([]);
  });
});
