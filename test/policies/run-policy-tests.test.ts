import { definePolicy, type Policy, type PolicyDefinition } from '../../src/detect/policy';
import { type DetectionTestResult, runDetectionTests } from '../../src/detect/detection-tests';
import { POLICY_COVERAGE_TEST_NAME, POLICY_TEST_NOW, policySubject } from '../../src/detect/policy-tests';
import { kmsKey, s3Bucket } from '../../src/scan/test-resources';

type Definition = PolicyDefinition<'AWS.S3.Bucket'>;

const versioned = s3Bucket();
const unversioned = s3Bucket({ Versioning: 'Suspended' });

function fakePolicy(overrides: Partial<Definition> = {}): Policy {
  return definePolicy({
    id: 'Test.S3.Bucket.Versioning',
    resourceTypes: ['AWS.S3.Bucket'],
    severity: 'LOW',
    description: 'd',
    runbook: 'r',
    tags: [],
    policy: (bucket) => bucket.Versioning === 'Enabled',
    title: (bucket) => `${bucket.Name} is not versioned`,
    tests: [
      { name: 'a versioned bucket complies', expect: true, resource: versioned },
      { name: 'a suspended bucket fails', expect: false, resource: unversioned },
    ],
    ...overrides,
  });
}

/** The one detection runner, given policies. */
function runPolicyTests(policies: readonly Policy[], filter?: string): DetectionTestResult[] {
  return runDetectionTests(policies.map(policySubject), filter);
}

function failures(results: readonly DetectionTestResult[]): Array<{ testName: string; reason: string | undefined }> {
  return results.filter((result) => !result.passed).map(({ testName, reason }) => ({ testName, reason }));
}

describe('the detection test runner, given policies', () => {
  it('passes every test of a policy whose tests agree with it, and reports the would-be title', () => {
    const results = runPolicyTests([fakePolicy()]);

    expect(results.map((result) => [result.testName, result.passed])).toEqual([
      [POLICY_COVERAGE_TEST_NAME, true],
      ['a versioned bucket complies', true],
      ['a suspended bucket fails', true],
    ]);
    expect(results[2]!.title).toBe('acme-data is not versioned');
  });

  it('fails a test whose expectation disagrees with the policy, in either direction', () => {
    const policy = fakePolicy({
      tests: [
        { name: 'claims compliance', expect: true, resource: unversioned },
        { name: 'claims failure', expect: false, resource: versioned },
      ],
    });

    expect(failures(runPolicyTests([policy]))).toEqual([
      { testName: 'claims compliance', reason: 'expected the resource to comply, but the policy failed it ("acme-data is not versioned")' },
      { testName: 'claims failure', reason: 'expected the policy to fail the resource, but it complied' },
    ]);
  });

  it('fails a policy that lacks a compliant or a non-compliant test', () => {
    expect(failures(runPolicyTests([fakePolicy({ tests: [{ name: 'only compliant', expect: true, resource: versioned }] })]))).toEqual([
      { testName: POLICY_COVERAGE_TEST_NAME, reason: expect.stringContaining('add one with expect: false') },
    ]);
    expect(failures(runPolicyTests([fakePolicy({ tests: [{ name: 'only failing', expect: false, resource: unversioned }] })]))).toEqual([
      { testName: POLICY_COVERAGE_TEST_NAME, reason: expect.stringContaining('add one with expect: true') },
    ]);
  });

  it("fails a test whose resource is not a valid resource of the policy's types", () => {
    const invalid = { ...versioned, Versioning: { Status: 'On' } } as unknown as typeof versioned;
    const policy = fakePolicy({
      tests: [
        { name: 'invalid resource', expect: true, resource: invalid },
        { name: 'wrong type', expect: true, resource: kmsKey() as unknown as typeof versioned },
      ],
    });

    const failed = failures(runPolicyTests([policy])).filter((failure) => failure.testName !== POLICY_COVERAGE_TEST_NAME);

    expect(failed).toEqual([
      { testName: 'invalid resource', reason: expect.stringMatching(/^test resource is invalid: not a valid AWS\.S3\.Bucket resource:\nVersioning: /) },
      { testName: 'wrong type', reason: "test resource is a AWS.KMS.Key, not one of the policy's types (AWS.S3.Bucket)" },
    ]);
  });

  it('fails a test when the policy throws, even when failure was expected', () => {
    const policy = fakePolicy({
      policy: () => {
        throw new TypeError('boom');
      },
    });

    const failed = failures(runPolicyTests([policy]));

    expect(failed.map((failure) => failure.testName)).toEqual(['a versioned bucket complies', 'a suspended bucket fails']);
    expect(failed[1]!.reason).toBe('a policy function threw: policy:TypeError: boom');
  });

  it('tests disabled policies and ignored resources too', () => {
    const policy = fakePolicy({ enabled: false, ignoreResources: ['arn:aws:s3:::*'] });

    expect(failures(runPolicyTests([policy]))).toEqual([]);
  });

  it('runs tests at the fixed instant given in their context, whatever the day', () => {
    const seen: string[] = [];
    const policy = fakePolicy({
      policy: (_resource, { now }) => (seen.push(now.toUTC().toISO() ?? ''), true),
      tests: [
        { name: 'clock', expect: true, resource: versioned },
        { name: 'other', expect: false, resource: versioned },
      ],
    });

    runPolicyTests([policy]);

    expect(seen).toEqual([POLICY_TEST_NOW, POLICY_TEST_NOW]);
  });

  it('reports each result as a policy result, under the policy id', () => {
    expect(new Set(runPolicyTests([fakePolicy()]).map((result) => `${result.kind} ${result.detectionId}`))).toEqual(
      new Set(['policy Test.S3.Bucket.Versioning']),
    );
  });

  it('runs only the policies whose id contains the filter', () => {
    const other = fakePolicy({ id: 'Test.S3.Bucket.Other' });

    expect(new Set(runPolicyTests([fakePolicy(), other], 'other').map((result) => result.detectionId))).toEqual(new Set(['Test.S3.Bucket.Other']));
  });
});
