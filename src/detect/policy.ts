import picomatch from 'picomatch';
import type { DateTime } from 'luxon';
import type { DetectionSettings } from '../config/detection-settings';
import type { ScanPolicySettings } from '../config/scan-policy-settings';
import type { Severity } from '../config/severity';
import type { ResourceMap, ResourceTypeName } from '../scan/resource-types';
import { checkDetectionId } from './detection-id';
import type { DetectionMetadata } from './detection-metadata';

/** The resource a policy sees: its type's attributes, validated. A union when a policy covers several types; narrow on `ResourceType`. */
export type PolicyResource<T extends ResourceTypeName> = T extends ResourceTypeName ? ResourceMap[T] : never;

/** What a policy is evaluated with, besides the resource: passed in, never imported, so tests and deployments choose. */
export interface PolicyContext {
  /** The organisation (prowl.config.yml → detections): its accounts, approved regions, buckets public on purpose. */
  settings: DetectionSettings;
  /** The standards resources are held to (prowl.config.yml → scanPolicies): ports, key ages, password policy. */
  standards: ScanPolicySettings;
  /** When the scan runs: ages (of keys, of passwords) are measured from here. */
  now: DateTime;
}

export interface PolicyTest<T extends ResourceTypeName = ResourceTypeName> {
  name: string;
  /** True when the resource complies (the policy passes), false when the policy should fail it. */
  expect: boolean;
  /** A complete resource of one of the policy's types; the factories in src/scan/test-resources.ts fill in the rest. */
  resource: PolicyResource<T>;
  /** Organisation settings this test runs with, laid over empty ones. */
  settings?: Partial<DetectionSettings>;
}

/** Its id is the resource type, then the policy's name (AWS.S3.Bucket.EncryptionDisabled); its runbook says how to fix the resource. */
export interface PolicyDefinition<T extends ResourceTypeName> extends DetectionMetadata {
  resourceTypes: readonly T[];
  enabled?: boolean;
  /**
   * Resource ids (ARNs) this policy never fails, as picomatch globs: `*` stops at `/`, `**` crosses
   * it. For resources that are meant to be this way, e.g. `arn:aws:s3:::public-website-*`.
   */
  ignoreResources?: string[];
  /** True when the resource complies. Pure and defensive: no I/O, safe defaults for every field. */
  policy(resource: PolicyResource<T>, context: PolicyContext): boolean;
  title?(resource: PolicyResource<T>, context: PolicyContext): string;
  dynamicSeverity?(resource: PolicyResource<T>, context: PolicyContext): Severity;
  alertContext?(resource: PolicyResource<T>, context: PolicyContext): Record<string, unknown>;
  tests: PolicyTest<T>[];
}

/** A policy as the evaluator holds it: the definition with its resource-type generic erased. */
export interface Policy extends DetectionMetadata {
  resourceTypes: readonly ResourceTypeName[];
  enabled: boolean;
  ignoreResources: string[];
  policy(resource: PolicyResource<ResourceTypeName>, context: PolicyContext): boolean;
  title?(resource: PolicyResource<ResourceTypeName>, context: PolicyContext): string;
  dynamicSeverity?(resource: PolicyResource<ResourceTypeName>, context: PolicyContext): Severity;
  alertContext?(resource: PolicyResource<ResourceTypeName>, context: PolicyContext): Record<string, unknown>;
  tests: PolicyTest[];
}

export function definePolicy<const T extends ResourceTypeName>(definition: PolicyDefinition<T>): Policy {
  checkDetectionId(definition.id, 'policy');
  return {
    ...definition,
    enabled: definition.enabled ?? true,
    ignoreResources: definition.ignoreResources ?? [],
  } as unknown as Policy;
}

/** True when the resource id matches one of the policy's ignoreResources globs. */
export function isIgnoredResource(policy: Pick<Policy, 'ignoreResources'>, resourceId: string): boolean {
  return policy.ignoreResources.length > 0 && picomatch.isMatch(resourceId, policy.ignoreResources);
}
