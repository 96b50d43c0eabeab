import { createHash } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { PolicyEvaluation, PolicyFailure } from '../scan/evaluate-policies';
import type { ListedScope, ScanResult } from '../scan/scan-accounts';
import type { Alert } from './alert';
import type { AlertStore } from './alert-store';
import type { AuditLog } from './audit';
import type { NotifyQueue } from './notify-queue';

export const SCANNER = 'prowl-scan';

/** One alert per (policy, resource), for as long as the resource keeps failing. */
export function policyAlertId(policyId: string, resourceId: string): string {
  return `${policyId}-${createHash('sha256').update(`${policyId}\u0000${resourceId}`).digest('hex').slice(0, 16)}`;
}

/** The attributes worth showing: top-level scalars and small values, never the whole document. */
function summarize(resource: PolicyFailure['resource']): Record<string, unknown> {
  const skip = new Set(['ResourceType', 'ResourceId', 'AccountId', 'Region', 'Tags']);
  return Object.fromEntries(
    Object.entries(resource)
      // Resources write absent values as null (Panther's shape); they say nothing on an alert.
      .filter(([key, value]) => !skip.has(key) && value !== undefined && value !== null && JSON.stringify(value).length <= 300)
      .slice(0, 25),
  );
}

/** Opens, refreshes or reopens the alert for a failing resource. */
export function failingAlert(current: Alert | undefined, failure: PolicyFailure, at: string): Alert {
  const { policy, resource } = failure;
  const fresh: Alert = {
    id: policyAlertId(failure.policyId, failure.resourceId),
    kind: 'policy',
    ruleId: failure.policyId,
    dedup: failure.resourceId,
    title: `Policy failure: ${failure.title}`,
    severity: failure.severity,
    description: policy.description,
    runbook: policy.runbook,
    ...(policy.reference ? { reference: policy.reference } : {}),
    tags: policy.tags,
    ...(policy.team ? { team: policy.team } : {}),
    logTypes: [failure.resourceType],
    status: 'OPEN',
    threshold: 1,
    matchCount: 1,
    windowStart: at,
    windowEnd: at,
    firstSeen: at,
    lastSeen: at,
    context: failure.context,
    samples: [],
    resource: {
      ResourceType: failure.resourceType,
      ResourceId: failure.resourceId,
      AccountId: failure.accountId,
      Region: failure.region,
      summary: summarize(resource),
    },
    recentBatches: [],
    openedAt: at,
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
  if (!current) return fresh;
  // Fixed once and failing again: a new incident, posted as a new message.
  if (current.status === 'RESOLVED') return { ...fresh, createdAt: current.createdAt, version: current.version };
  return {
    ...current,
    title: fresh.title,
    severity: fresh.severity,
    context: fresh.context,
    ...(fresh.resource ? { resource: fresh.resource } : {}),
    matchCount: current.matchCount + 1,
    lastSeen: at,
    updatedAt: at,
  };
}

/** Resolves an open policy alert whose resource now passes (or is gone). */
export function passingAlert(current: Alert | undefined, at: string, note: string): Alert | undefined {
  if (!current || current.status === 'RESOLVED') return current;
  return { ...current, status: 'RESOLVED', resolvedBy: SCANNER, resolvedAt: at, resolution: { reason: 'remediated', note }, lastSeen: at, updatedAt: at };
}

export interface ScanRecordDeps {
  alerts: AlertStore;
  audit: AuditLog;
  notify: NotifyQueue;
  now: () => DateTime;
}

export interface ScanOutcome {
  opened: string[];
  resolved: string[];
  stillFailing: string[];
  suppressed: number;
  policyErrors: number;
  collectionErrors: number;
}

function inListedScope(alert: Alert, listed: readonly ListedScope[]): boolean {
  const r = alert.resource;
  return r !== undefined && listed.some((scope) => scope.accountId === r.AccountId && scope.region === r.Region && scope.resourceType === r.ResourceType);
}

/**
 * Turns a scan into alerts: failures open (or keep) one alert per (policy, resource); resources
 * that pass, or were listed and are gone, resolve theirs, and the Slack message is updated.
 * A resource that could not be read resolves nothing: absence of evidence is not a fix.
 */
export async function recordScan(scan: ScanResult, evaluation: PolicyEvaluation, policyIds: readonly string[], deps: ScanRecordDeps): Promise<ScanOutcome> {
  const at = deps.now().toUTC().toISO()!;
  const outcome: ScanOutcome = {
    opened: [],
    resolved: [],
    stillFailing: [],
    suppressed: evaluation.suppressed.length,
    policyErrors: evaluation.errors.length,
    collectionErrors: scan.errors.length,
  };

  for (const failure of evaluation.failures) {
    const { before, after } = await deps.alerts.mutate(policyAlertId(failure.policyId, failure.resourceId), (current) => failingAlert(current, failure, at));
    // A reopened alert carries no Slack reference, so notify posts it as a new message.
    (!before || before.status === 'RESOLVED' ? outcome.opened : outcome.stillFailing).push(after!.id);
  }

  const resolve = async (policyId: string, resourceId: string, note: string): Promise<void> => {
    const id = policyAlertId(policyId, resourceId);
    const { before, written } = await deps.alerts.mutate(id, (current) => passingAlert(current, at, note));
    if (!written) return;
    outcome.resolved.push(id);
    await deps.audit.record({
      subject: id,
      action: 'resolve',
      actor: SCANNER,
      at,
      before: { status: before?.status },
      after: { status: 'RESOLVED', resolution: { reason: 'remediated', note } },
    });
  };
  for (const verdict of evaluation.passed) await resolve(verdict.policyId, verdict.resourceId, 'the resource passed the policy in the latest scan');

  const seen = new Set(scan.resources.map((resource) => resource.ResourceId));
  const unreadable = new Set(scan.errors.map((error) => error.resourceId).filter((id): id is string => typeof id === 'string'));
  for (const policyId of policyIds) {
    for (const alert of await deps.alerts.listByRule(policyId, 1000)) {
      if (alert.kind !== 'policy' || alert.status === 'RESOLVED' || !alert.resource) continue;
      if (!inListedScope(alert, scan.listed) || seen.has(alert.resource.ResourceId) || unreadable.has(alert.resource.ResourceId)) continue;
      await resolve(policyId, alert.resource.ResourceId, 'the resource no longer exists');
    }
  }

  await deps.notify.send([...outcome.opened, ...outcome.resolved, ...outcome.stillFailing]);
  return outcome;
}
