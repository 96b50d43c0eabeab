import type { Severity } from '../config/severity';

import { isIgnoredResource, type Policy, type PolicyContext } from '../detect/policy';
import type { Resource, ResourceTypeName } from './resource-types';

export const TITLE_MAX_LENGTH = 1000;

/** Where a policy verdict applies: one policy on one resource. The alert flow keys alerts on (policyId, resourceId). */
export interface PolicyVerdict {
  policyId: string;
  resourceId: string;
  resourceType: ResourceTypeName;
  accountId: string;
  region: string;
}

/** A resource that does not comply with a policy: what the alert flow turns into a policy alert. */
export interface PolicyFailure extends PolicyVerdict {
  severity: Severity;
  title: string;
  context: Record<string, unknown>;
  policy: Policy;
  resource: Resource;
}

/** A policy function that threw: reported once per (policy, resource, kind), never a crash and never a verdict. */
export interface PolicyError extends PolicyVerdict {
  /** `policy:TypeError`, `title:RangeError`, …: stable per cause. */
  kind: string;
  message: string;
}

export interface PolicyEvaluation {
  failures: PolicyFailure[];
  /** Failures on resources the policy's ignoreResources exempts: counted and shown, never alerted. */
  suppressed: PolicyFailure[];
  /** Resources that comply: the alert flow resolves any open alert for these. */
  passed: PolicyVerdict[];
  errors: PolicyError[];
}

type Outcome<T> = { ok: true; value: T } | { ok: false };

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Runs every enabled policy over every resource of its types. Each call is contained: a policy that
 * throws on one resource yields an error for that pair, and the title, severity and context fall
 * back to the policy's own when their functions throw.
 */
export function evaluatePolicies(policies: readonly Policy[], resources: readonly Resource[], context: PolicyContext): PolicyEvaluation {
  const ctx: PolicyContext = Object.freeze({ ...context });
  const evaluation: PolicyEvaluation = { failures: [], suppressed: [], passed: [], errors: [] };
  const byType = new Map<ResourceTypeName, Policy[]>();
  for (const policy of policies) {
    if (!policy.enabled) continue;
    for (const type of policy.resourceTypes) byType.set(type, [...(byType.get(type) ?? []), policy]);
  }

  for (const resource of resources) {
    for (const policy of byType.get(resource.ResourceType) ?? []) {
      const verdict: PolicyVerdict = {
        policyId: policy.id,
        resourceId: resource.ResourceId,
        resourceType: resource.ResourceType,
        accountId: resource.AccountId,
        region: resource.Region,
      };
      const run = <T>(name: string, fn: () => T): Outcome<T> => {
        try {
          return { ok: true, value: fn() };
        } catch (error) {
          const kind = error instanceof Error ? error.constructor.name : typeof error;
          evaluation.errors.push({ ...verdict, kind: `${name}:${kind}`, message: error instanceof Error ? error.message : String(error) });
          return { ok: false };
        }
      };

      const compliant = run('policy', () => policy.policy(resource, ctx) === true);
      if (!compliant.ok) continue;
      if (compliant.value) {
        evaluation.passed.push(verdict);
        continue;
      }
      const titled = policy.title ? run('title', () => String(policy.title!(resource, ctx))) : { ok: false as const };
      const severe = policy.dynamicSeverity ? run('dynamicSeverity', () => policy.dynamicSeverity!(resource, ctx)) : { ok: false as const };
      const contextual = policy.alertContext ? run('alertContext', () => policy.alertContext!(resource, ctx)) : { ok: false as const };
      const failure: PolicyFailure = {
        ...verdict,
        severity: severe.ok ? severe.value : policy.severity,
        title: truncate(titled.ok && titled.value ? titled.value : `${policy.id} failed for ${resource.ResourceId}`, TITLE_MAX_LENGTH),
        context: contextual.ok ? contextual.value : {},
        policy,
        resource,
      };
      (isIgnoredResource(policy, resource.ResourceId) ? evaluation.suppressed : evaluation.failures).push(failure);
    }
  }
  return evaluation;
}
