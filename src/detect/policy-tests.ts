import { evaluatePolicies } from '../scan/evaluate-policies';
import { testPolicyContext } from '../scan/test-resources';
import { validateResource } from '../scan/resource-types';
import type { CaseOutcome, TestSubject } from './detection-tests';
import type { Policy, PolicyTest } from './policy';

/** The name of the pseudo-test a policy fails when it lacks a compliant or a non-compliant case. */
export const POLICY_COVERAGE_TEST_NAME = 'has compliant and non-compliant tests';

export { POLICY_TEST_NOW } from '../scan/test-resources';

/**
 * A policy for the detection test runner: each case runs the way a scan would, the test resource
 * validated by its type's schema, then evaluated by the real evaluator with only that policy loaded.
 */
export function policySubject(policy: Policy): TestSubject {
  return {
    kind: 'policy',
    id: policy.id,
    cases: policy.tests.map((test) => ({ name: test.name, expect: test.expect, run: () => runOne(policy, test) })),
    coverage: { testName: POLICY_COVERAGE_TEST_NAME, requirement: 'every policy needs at least one compliant and one non-compliant test' },
  };
}

function runOne(policy: Policy, test: PolicyTest): CaseOutcome {
  const validated = validateResource(test.resource);
  if (!validated.ok) return { passed: false, reason: `test resource is invalid: ${validated.reason}` };
  const resource = validated.resource;
  if (!policy.resourceTypes.includes(resource.ResourceType)) {
    return {
      passed: false,
      reason: `test resource is a ${resource.ResourceType}, not one of the policy's types (${policy.resourceTypes.join(', ')})`,
    };
  }

  // Disabled policies and ignored resources keep their tests honest: evaluate a copy without either.
  const { failures, errors } = evaluatePolicies(
    [{ ...policy, enabled: true, ignoreResources: [] }],
    [resource],
    testPolicyContext(test.settings ? { settings: test.settings } : {}),
  );
  if (errors.length > 0) {
    return { passed: false, reason: `a policy function threw: ${errors.map((error) => `${error.kind}: ${error.message}`).join('; ')}` };
  }
  const failure = failures[0];
  const compliant = failure === undefined;
  if (test.expect !== compliant) {
    return {
      passed: false,
      reason: test.expect
        ? `expected the resource to comply, but the policy failed it ("${failure?.title ?? ''}")`
        : 'expected the policy to fail the resource, but it complied',
    };
  }
  return failure ? { passed: true, title: failure.title } : { passed: true };
}
