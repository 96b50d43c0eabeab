import { evaluatePolicies } from '../scan/evaluate-policies';
import { testPolicyContext } from '../scan/test-resources';
import { validateResource } from '../scan/resource-types';
import type { Policy, PolicyTest } from './policy';

/** The outcome of one test of one policy; `reason` says why a failing test failed. */
export interface PolicyTestResult {
  policyId: string;
  testName: string;
  passed: boolean;
  reason?: string;
  /** The alert title, when the test resource fails the policy: lets a report show it. */
  title?: string;
}

/** The name of the pseudo-test a policy fails when it lacks a compliant or a non-compliant case. */
export const POLICY_COVERAGE_TEST_NAME = 'has compliant and non-compliant tests';

export { POLICY_TEST_NOW } from '../scan/test-resources';

/** Policies whose id contains `filter` (case-insensitive); every policy when there is no filter. */
export function selectPolicies(policies: readonly Policy[], filter?: string): Policy[] {
  const needle = filter?.toLowerCase();
  return needle ? policies.filter((policy) => policy.id.toLowerCase().includes(needle)) : [...policies];
}

/**
 * Runs each policy's own tests the way a scan would: the test resource validated by its type's
 * schema, then evaluated by the real evaluator with only that policy loaded.
 */
export function runPolicyTests(policies: readonly Policy[], filter?: string): PolicyTestResult[] {
  return selectPolicies(policies, filter).flatMap((policy) => [coverageResult(policy), ...policy.tests.map((test, index) => runOne(policy, test, index))]);
}

function coverageResult(policy: Policy): PolicyTestResult {
  const compliant = policy.tests.some((test) => test.expect === true);
  const nonCompliant = policy.tests.some((test) => test.expect === false);
  const missing = [compliant ? undefined : 'one with expect: true', nonCompliant ? undefined : 'one with expect: false'].filter(Boolean);
  return missing.length === 0
    ? { policyId: policy.id, testName: POLICY_COVERAGE_TEST_NAME, passed: true }
    : {
        policyId: policy.id,
        testName: POLICY_COVERAGE_TEST_NAME,
        passed: false,
        reason: `every policy needs at least one compliant and one non-compliant test; add ${missing.join(' and ')}`,
      };
}

function runOne(policy: Policy, test: PolicyTest, index: number): PolicyTestResult {
  const base = { policyId: policy.id, testName: test.name || `test #${index + 1}` };
  const validated = validateResource(test.resource);
  if (!validated.ok) return { ...base, passed: false, reason: `test resource is invalid: ${validated.reason}` };
  const resource = validated.resource;
  if (!policy.resourceTypes.includes(resource.ResourceType)) {
    return {
      ...base,
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
    return { ...base, passed: false, reason: `a policy function threw: ${errors.map((error) => `${error.kind}: ${error.message}`).join('; ')}` };
  }
  const failure = failures[0];
  const compliant = failure === undefined;
  if (test.expect !== compliant) {
    return {
      ...base,
      passed: false,
      reason: test.expect
        ? `expected the resource to comply, but the policy failed it ("${failure?.title ?? ''}")`
        : 'expected the policy to fail the resource, but it complied',
    };
  }
  return failure ? { ...base, passed: true, title: failure.title } : { ...base, passed: true };
}
