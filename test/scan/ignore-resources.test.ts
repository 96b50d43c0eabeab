import { definePolicy } from '../../src/detect/policy';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import { s3Bucket, testPolicyContext } from '../../src/scan/test-resources';

const publicByDesign = definePolicy({
  id: 'Test.S3.Bucket.PublicAccessBlock',
  resourceTypes: ['AWS.S3.Bucket'],
  severity: 'MEDIUM',
  description: 'd',
  runbook: 'r',
  tags: [],
  ignoreResources: ['arn:aws:s3:::public-website-*', 'arn:aws:s3:::docs.example.com'],
  policy: (bucket) => bucket.PublicAccessBlock !== null,
  tests: [],
});

const open = (name: string): ReturnType<typeof s3Bucket> => s3Bucket({ Name: name, PublicAccessBlock: null });

describe('ignoreResources', () => {
  it('moves failures on resources matching a glob to suppressed, keeping them visible but out of alerts', () => {
    const { failures, suppressed } = evaluatePolicies(
      [publicByDesign],
      [open('public-website-shop'), open('docs.example.com'), open('customer-exports')],
      testPolicyContext(),
    );

    expect(failures.map((f) => f.resourceId)).toEqual(['arn:aws:s3:::customer-exports']);
    expect(suppressed.map((f) => f.resourceId)).toEqual(['arn:aws:s3:::public-website-shop', 'arn:aws:s3:::docs.example.com']);
  });

  it('treats an ignored resource that complies as passed, like any other', () => {
    const { passed, suppressed } = evaluatePolicies([publicByDesign], [s3Bucket({ Name: 'public-website-shop' })], testPolicyContext());

    expect(suppressed).toEqual([]);
    expect(passed.map((p) => p.resourceId)).toEqual(['arn:aws:s3:::public-website-shop']);
  });

  it('matches globs against the whole resource id: a bare name does not match the ARN', () => {
    const byName = { ...publicByDesign, ignoreResources: ['public-website-*'] };

    const { failures } = evaluatePolicies([byName], [open('public-website-shop')], testPolicyContext());

    expect(failures.map((f) => f.resourceId)).toEqual(['arn:aws:s3:::public-website-shop']);
  });
});
