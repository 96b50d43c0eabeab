import { definePolicy, type Policy } from '../../src/detect/policy';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import { iamRootUser, s3Bucket, securityGroup, testPolicyContext } from '../../src/scan/test-resources';

function versioningPolicy(overrides: Partial<Parameters<typeof definePolicy<'AWS.S3.Bucket'>>[0]> = {}): Policy {
  return definePolicy({
    id: 'Test.S3.Bucket.Versioning',
    resourceTypes: ['AWS.S3.Bucket'],
    severity: 'LOW',
    description: 'd',
    runbook: 'r',
    tags: [],
    policy: (bucket) => bucket.Versioning === 'Enabled',
    title: (bucket) => `${bucket.Name} is not versioned`,
    tests: [],
    ...overrides,
  });
}

const versioned = s3Bucket({ Name: 'kept' });
const unversioned = s3Bucket({ Name: 'lost', Versioning: null });

describe('evaluatePolicies', () => {
  it("reports each failing resource with where it is, the policy's severity and its title", () => {
    const { failures, passed, errors } = evaluatePolicies([versioningPolicy()], [versioned, unversioned], testPolicyContext());

    expect(errors).toEqual([]);
    expect(passed).toEqual([
      { policyId: 'Test.S3.Bucket.Versioning', resourceId: 'arn:aws:s3:::kept', resourceType: 'AWS.S3.Bucket', accountId: '123456789012', region: 'us-east-1' },
    ]);
    expect(failures).toEqual([
      expect.objectContaining({
        policyId: 'Test.S3.Bucket.Versioning',
        resourceId: 'arn:aws:s3:::lost',
        resourceType: 'AWS.S3.Bucket',
        accountId: '123456789012',
        region: 'us-east-1',
        severity: 'LOW',
        title: 'lost is not versioned',
        context: {},
        resource: unversioned,
      }),
    ]);
  });

  it('runs a policy only on resources of its types', () => {
    const seen: string[] = [];
    const policy = versioningPolicy({ policy: (bucket) => (seen.push(bucket.ResourceType), true) });

    evaluatePolicies([policy], [securityGroup(), iamRootUser(), versioned], testPolicyContext());

    expect(seen).toEqual(['AWS.S3.Bucket']);
  });

  it('contains a policy that throws: an error for that resource, and the other resources and policies still run', () => {
    const fragile = versioningPolicy({
      id: 'Test.S3.Bucket.Fragile',
      policy: (bucket) => {
        if (bucket.Name === 'lost') throw new TypeError('cannot read Status');
        return true;
      },
    });

    const { failures, passed, errors } = evaluatePolicies([fragile, versioningPolicy()], [unversioned, versioned], testPolicyContext());

    expect(errors).toEqual([
      {
        policyId: 'Test.S3.Bucket.Fragile',
        resourceId: 'arn:aws:s3:::lost',
        resourceType: 'AWS.S3.Bucket',
        accountId: '123456789012',
        region: 'us-east-1',
        kind: 'policy:TypeError',
        message: 'cannot read Status',
      },
    ]);
    expect(failures.map((f) => [f.policyId, f.resourceId])).toEqual([['Test.S3.Bucket.Versioning', 'arn:aws:s3:::lost']]);
    expect(passed.map((p) => [p.policyId, p.resourceId])).toEqual([
      ['Test.S3.Bucket.Fragile', 'arn:aws:s3:::kept'],
      ['Test.S3.Bucket.Versioning', 'arn:aws:s3:::kept'],
    ]);
  });

  it('falls back to a title naming the policy and resource when title() throws, and still reports the failure', () => {
    const policy = versioningPolicy({
      title: () => {
        throw new RangeError('bad title');
      },
    });

    const { failures, errors } = evaluatePolicies([policy], [unversioned], testPolicyContext());

    expect(failures.map((f) => f.title)).toEqual(['Test.S3.Bucket.Versioning failed for arn:aws:s3:::lost']);
    expect(errors.map((e) => e.kind)).toEqual(['title:RangeError']);
  });

  it('uses dynamicSeverity and alertContext when the policy has them', () => {
    const policy = versioningPolicy({ dynamicSeverity: () => 'HIGH', alertContext: (bucket) => ({ bucket: bucket.Name }) });

    const [failure] = evaluatePolicies([policy], [unversioned], testPolicyContext()).failures;

    expect(failure).toMatchObject({ severity: 'HIGH', context: { bucket: 'lost' } });
  });

  it('skips disabled policies', () => {
    expect(evaluatePolicies([versioningPolicy({ enabled: false })], [unversioned], testPolicyContext())).toEqual({
      failures: [],
      suppressed: [],
      passed: [],
      errors: [],
    });
  });
});
