import { unconfiguredSettingsWarning, type DetectionSettings } from '../config/detection-settings';
import type { ScanPolicySettings } from '../config/scan-policy-settings';
import type { DateTime } from 'luxon';
import { recordScan, type ScanOutcome, type ScanRecordDeps } from '../alerts/policy-alerts';
import type { SettingsStore } from '../alerts/settings-store';
import { recordSuppressed, SuppressedMatches } from '../alerts/suppress-matches';
import { compileSuppression, isActive } from '../alerts/suppression';
import type { Policy } from '../detect/policy';
import type { NormalizedEvent } from '../logs/log-type';
import { evaluatePolicies } from './evaluate-policies';
import type { RescanTarget } from './rescan-target';
import { collectTarget, planCovers, scanAccounts, type ScanDeps, type ScanResult } from './scan-accounts';
import { narrowPlan, type ScanPlan } from './scan-plan';
import { ProwlError } from '../errors';
import type { ResourceStore } from './resource-store';

export interface ScanRunDeps extends ScanRecordDeps {
  scan: ScanDeps;
  policies: readonly Policy[];
  /** The organisation settings policies read (prowl.config.yml → detections). */
  detectionSettings: DetectionSettings;
  /** The standards policies hold resources to (prowl.config.yml → scanPolicies). */
  policyStandards: ScanPolicySettings;
  resources: ResourceStore;
  settings: SettingsStore;
  now: () => DateTime;
}

/**
 * One scan: collect the resources, keep the snapshot, run the policies, let suppressions silence
 * (and count) what they cover, then open, keep or resolve one alert per (policy, resource).
 */
export async function runScan(plan: ScanPlan, deps: ScanRunDeps): Promise<ScanOutcome> {
  const scan = await scanAccounts(plan, deps.scan);
  return judge(
    scan,
    deps.policies.map((policy) => policy.id),
    deps,
  );
}

/**
 * Re-scans one resource that CloudTrail showed changing: its policy alerts open or resolve now
 * rather than at the next daily scan. A target outside the plan (another account, a region not
 * scanned) is skipped: it would be judged against nothing.
 */
export async function runRescan(plan: ScanPlan, target: RescanTarget, deps: ScanRunDeps): Promise<ScanOutcome | undefined> {
  if (!planCovers(plan, target)) return undefined;
  const scan = await collectTarget(plan, target, deps.scan);
  // No policy ids: alerts of resources not in this re-scan are left alone.
  return judge(scan, [], deps);
}

/** Keeps the snapshot, runs the policies, lets suppressions silence what they cover, records alerts. */
async function judge(scan: ScanResult, resolveGoneFor: readonly string[], deps: ScanRunDeps): Promise<ScanOutcome> {
  const now = deps.now();
  await deps.resources.save(scan.resources, now);
  const evaluation = evaluatePolicies(deps.policies, scan.resources, { settings: deps.detectionSettings, standards: deps.policyStandards, now });

  const active = (await deps.settings.suppressions()).filter((s) => isActive(s, now)).map(compileSuppression);
  const silenced = new SuppressedMatches(active);
  const at = now.toUTC().toISO()!;
  // Suppression conditions read the resource's own fields (Region, Tags.Name…), as they read an event's.
  const failures = evaluation.failures.filter(
    (failure) => !silenced.silencedBy(failure.policyId, failure.resourceId, failure.resource as unknown as NormalizedEvent, at),
  );
  await recordSuppressed(deps.settings, silenced.tallies, `scan-${at}`, now);

  const outcome = await recordScan(scan, { ...evaluation, failures }, resolveGoneFor, deps);
  return { ...outcome, suppressed: outcome.suppressed + evaluation.failures.length - failures.length };
}

/** No accounts configured: say what to add rather than scan nothing. */
const NO_PLAN = 'no accounts to scan: add a `scan` section (accounts, regions, externalId) to prowl.config.yml; see README → Cloud security scans';

/** A scan narrowed to one account and/or resource type, as `/prowl scan` and the schedule ask for it. */
export function createScanRunner(
  plan: ScanPlan | undefined,
  deps: ScanRunDeps,
  /** Told once, at creation, which settings the policies need are empty. */
  warn?: (message: string) => void,
): (only: { accountId?: string; resourceType?: string }) => Promise<ScanOutcome> {
  const missing = unconfiguredSettingsWarning(deps.policies, deps.detectionSettings);
  if (missing) warn?.(missing);
  return async (only) => {
    if (!plan) throw new ProwlError('prowl_config_invalid', NO_PLAN);
    return runScan(narrowPlan(plan, only), deps);
  };
}

/** Re-scans for the jobs function; undefined when no accounts are configured (nothing to re-scan). */
export function createRescanRunner(plan: ScanPlan | undefined, deps: ScanRunDeps): (target: RescanTarget) => Promise<ScanOutcome | undefined> {
  return async (target) => (plan ? runRescan(plan, target, deps) : undefined);
}
