import { readdirSync } from 'node:fs';
import { isDetectionFile } from '../../detections/lib/pack-index';
import { join } from 'node:path';
import { policies } from '../../detections/policies';
import { SEVERITIES } from '../../src/config/severity';
import type { Policy } from '../../src/detect/policy';
import { isResourceTypeName } from '../../src/scan/resource-types';

/**
 * Conventions every policy keeps, checked over the whole pack so it stays consistent as it grows.
 * Id grammar: `<ResourceType>.<Name>` for a single-type policy (AWS.S3.Bucket.EncryptionDisabled),
 * `AWS.Resource.<Name>` for one spanning several types. The file name is the id in snake case:
 * resource-type segments lower-cased whole (AWS.EC2.NetworkACL → aws_ec2_networkacl), the name split
 * at word boundaries (PublicACLGrant → public_acl_grant).
 */
const POLICY_DIR = join(__dirname, '..', '..', 'detections', 'policies');
const MULTI_TYPE_PREFIX = 'AWS.Resource';
const NAME = /^[A-Z][A-Za-z0-9]+$/;
const ATTACK_TAG = /^TA\d{4}:T\d{4}(\.\d{3})?$/;

function snakeName(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([a-z])(\d)/g, '$1_$2')
    .toLowerCase();
}

function prefixOf(policy: Policy): string {
  return policy.resourceTypes.length === 1 ? policy.resourceTypes[0]! : MULTI_TYPE_PREFIX;
}

function expectedFileName(policy: Policy): string {
  const prefix = prefixOf(policy);
  const name = policy.id.slice(prefix.length + 1);
  return `${[...prefix.split('.').map((segment) => segment.toLowerCase()), snakeName(name)].join('_')}.ts`;
}

function isPolicy(value: unknown): value is Policy {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Policy).id === 'string' &&
    Array.isArray((value as Policy).resourceTypes) &&
    typeof (value as Policy).policy === 'function'
  );
}

const files = readdirSync(POLICY_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
// Helpers live in detections/lib/; every module here is a policy named after its id.
const policyFiles = files.filter(isDetectionFile).sort();
const modules = files.map((file) => ({ file, exported: (require(join(POLICY_DIR, file)) as { default?: unknown }).default }));

describe('the policy pack', () => {
  it('has at least 80 policies', () => {
    expect(policies.length).toBeGreaterThanOrEqual(80);
  });

  it('lists every policy file in index.ts, and only policy files export a policy', () => {
    const exported = modules.filter((module) => isPolicy(module.exported));
    expect(exported.map((module) => module.file).sort()).toEqual(policyFiles);
    expect(files.filter((file) => !isDetectionFile(file))).toEqual([]);
    const listed = new Set<unknown>(policies);
    expect(exported.filter((module) => !listed.has(module.exported)).map((module) => module.file)).toEqual([]);
    expect(exported).toHaveLength(policies.length);
  });

  it('gives every policy its own id', () => {
    const ids = policies.map((policy) => policy.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it.each(modules.filter((module) => isPolicy(module.exported)).map((module) => [module.file, module.exported as Policy]))(
    '%s is named after its policy id',
    (file, policy) => {
      expect(file).toBe(expectedFileName(policy));
    },
  );

  describe.each(policies.map((policy) => [policy.id, policy] as const))('%s', (_id, policy) => {
    it('has an id of the form <ResourceType>.<Name>, or AWS.Resource.<Name> across types', () => {
      const prefix = prefixOf(policy);
      expect(policy.id.startsWith(`${prefix}.`)).toBe(true);
      expect(policy.id.slice(prefix.length + 1)).toMatch(NAME);
    });

    it('covers only known resource types', () => {
      expect(policy.resourceTypes.length).toBeGreaterThan(0);
      expect(policy.resourceTypes.filter((type) => !isResourceTypeName(type))).toEqual([]);
    });

    it('has a known severity, ATT&CK tags and the docs an on-call engineer needs', () => {
      expect(SEVERITIES).toContain(policy.severity);
      expect(policy.tags.length).toBeGreaterThan(0);
      expect(policy.tags.filter((tag) => !ATTACK_TAG.test(tag))).toEqual([]);
      expect(policy.description.length).toBeGreaterThanOrEqual(40);
      expect(policy.runbook.length).toBeGreaterThanOrEqual(40);
      expect(policy.reference).toMatch(/^https:\/\//);
      expect(typeof policy.title).toBe('function');
    });

    it('has compliant and non-compliant tests', () => {
      expect(policy.tests.filter((test) => test.expect).length).toBeGreaterThan(0);
      expect(policy.tests.filter((test) => !test.expect).length).toBeGreaterThan(0);
    });

    it('ignores resources only by ARN globs', () => {
      expect(policy.ignoreResources.filter((glob) => !glob.startsWith('arn:'))).toEqual([]);
    });
  });
});
