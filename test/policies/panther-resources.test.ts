import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policies } from '../../detections/policies';
import { evaluatePolicies } from '../../src/scan/evaluate-policies';
import { parseResourceText } from '../../src/scan/resource-json';
import type { Resource } from '../../src/scan/resource-types';
import { s3Bucket, testPolicyContext } from '../../src/scan/test-resources';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'panther', name), 'utf8')) as Record<string, unknown>;
}

function load(value: unknown): Resource {
  const parsed = parseResourceText(JSON.stringify(value), 'fixture.json');
  expect(parsed.problems).toEqual([]);
  return parsed.resources[0]!;
}

function failedPolicies(resource: Resource, ids: readonly string[]): string[] {
  const selected = policies.filter((policy) => ids.includes(policy.id));
  expect(selected.map((policy) => policy.id).sort()).toEqual([...ids].sort());
  // The organisation works in us-east-1 and eu-west-1 (prowl.config.yml → detections.approvedRegions).
  return evaluatePolicies(selected, [resource], testPolicyContext({ settings: { approvedRegions: ['us-east-1', 'eu-west-1'] } }))
    .failures.map((failure) => failure.policyId)
    .sort();
}

const S3_CHECKS = ['AWS.S3.Bucket.PublicACLGrant', 'AWS.S3.Bucket.KMSEncryptionDisabled'];
const REGION_CHECK = ['AWS.Resource.UnapprovedRegion'];

describe('Panther-shaped resources', () => {
  it("fails the public S3 bucket of Panther's tutorial on the public-grant and KMS policies", () => {
    expect(failedPolicies(load(fixture('s3-bucket-public.json')), S3_CHECKS)).toEqual([...S3_CHECKS].sort());
  });

  it('passes a locked-down, KMS-encrypted bucket on both', () => {
    expect(failedPolicies(load(s3Bucket()), S3_CHECKS)).toEqual([]);
  });

  it('reads the KMS key exactly where a Panther policy reads it', () => {
    const bucket = load(fixture('s3-bucket-public.json'));
    expect(bucket.ResourceType === 'AWS.S3.Bucket' && bucket.EncryptionRules?.[0]?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID).toBeNull();
  });

  it('fails a non-default VPC in an unapproved region, without TimeCreated, on the region policy', () => {
    const vpc = fixture('ec2-vpc.json');
    expect(vpc).not.toHaveProperty('TimeCreated');
    expect(failedPolicies(load(vpc), REGION_CHECK)).toEqual(REGION_CHECK);
  });

  it('exempts the default VPC of that region', () => {
    expect(failedPolicies(load({ ...fixture('ec2-vpc.json'), IsDefault: true }), REGION_CHECK)).toEqual([]);
  });
});
