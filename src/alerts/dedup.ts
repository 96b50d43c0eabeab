import { DateTime } from 'luxon';
import { DISTINCT_LIMITS } from '../detect/rule';
import { alertIdFor, windowIdFor, type Alert, type DedupWindow } from './alert';
import type { MatchGroup } from './match-groups';

/** How many recent batch ids an alert remembers; retries arrive within minutes, far fewer batches. */
export const RECENT_BATCHES = 100;
/** Keeps an alert item well under DynamoDB's 400 KB limit whatever the events look like. */
const MAX_SAMPLE_BYTES = 150 * 1024;
/**
 * How long threshold state outlives its window before TTL may delete it. Windows and alerts that
 * never reached their threshold are never read again once the window ends; a day leaves room for
 * retries and for someone looking at why a rule stayed quiet.
 */
export const PENDING_STATE_KEEP = { days: 1 };

function expiryAfter(windowEnd: string): number {
  return Math.floor(DateTime.fromISO(windowEnd, { zone: 'utc' }).plus(PENDING_STATE_KEEP).toSeconds());
}

/** Keeps the open window, or opens a new one when there is none or it has ended (fixed from first match). */
export function nextWindow(current: DedupWindow | undefined, group: MatchGroup, now: DateTime): DedupWindow {
  const nowIso = now.toUTC().toISO()!;
  if (current && nowIso < current.end) return current;
  const start = nowIso;
  const end = now.plus({ minutes: group.rule.dedupPeriodMinutes }).toUTC().toISO()!;
  return {
    id: windowIdFor(group.rule.id, group.dedup),
    alertId: alertIdFor(group.rule.id, group.dedup, start),
    start,
    end,
    version: current?.version ?? 0,
    expiresAt: expiryAfter(end),
  };
}

function boundedSamples(existing: Alert['samples'], added: Alert['samples'], limit: number): Alert['samples'] {
  const samples = [...existing, ...added].slice(0, limit);
  while (samples.length > 0 && Buffer.byteLength(JSON.stringify(samples)) > MAX_SAMPLE_BYTES) samples.pop();
  return samples;
}

function latest(current: Alert['latestSample'], added: Alert['samples']): Pick<Alert, 'latestSample'> {
  const newest = [...(current ? [current] : []), ...added].reduce<Alert['latestSample']>((a, b) => (!a || b.p_event_time >= a.p_event_time ? b : a), undefined);
  if (!newest || Buffer.byteLength(JSON.stringify(newest)) > MAX_SAMPLE_BYTES / 4) return {};
  return { latestSample: newest };
}

/** Values already seen plus new ones, in first-seen order, bounded so the item stays small; the threshold never needs more. */
function mergedValues(existing: readonly string[], added: ReadonlySet<string>): string[] {
  const merged = new Set(existing);
  for (const value of added) {
    if (merged.size >= DISTINCT_LIMITS.valuesPerAlert) break;
    merged.add(value);
  }
  return [...merged];
}

/**
 * Folds one batch's matches into the window's alert. Returns the same object when the batch was
 * already applied, so a retried batch changes nothing. The alert opens when the count reaches the
 * threshold (for rules counting distinct values, when that many distinct values were seen); matches
 * after that update count, last seen and samples.
 */
export function applyMatches(current: Alert | undefined, group: MatchGroup, window: DedupWindow, batchId: string, now: DateTime, sampleLimit: number): Alert {
  if (current?.recentBatches.includes(batchId)) return current;
  const nowIso = now.toUTC().toISO()!;
  const base: Alert = current ?? {
    id: window.alertId,
    kind: group.kind,
    ruleId: group.rule.id,
    dedup: group.dedup,
    title: group.title,
    severity: group.severity,
    description: group.rule.description,
    runbook: group.rule.runbook,
    ...(group.rule.reference ? { reference: group.rule.reference } : {}),
    tags: group.rule.tags,
    ...(group.rule.author ? { author: group.rule.author } : {}),
    ...(group.rule.license ? { license: group.rule.license } : {}),
    ...(group.rule.team ? { team: group.rule.team } : {}),
    logTypes: [],
    status: 'PENDING',
    threshold: group.rule.threshold,
    matchCount: 0,
    windowStart: window.start,
    windowEnd: window.end,
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
    context: group.context,
    samples: [],
    recentBatches: [],
    createdAt: nowIso,
    updatedAt: nowIso,
    version: 0,
  };
  const matchCount = base.matchCount + group.count;
  const distinctValues = group.values ? mergedValues(base.distinctValues ?? [], group.values) : base.distinctValues;
  const counted = distinctValues ? distinctValues.length : matchCount;
  const status = base.status === 'PENDING' && counted >= base.threshold ? 'OPEN' : base.status;
  const { expiresAt: _previousExpiry, ...kept } = base;
  return {
    ...kept,
    matchCount,
    ...(distinctValues ? { distinctValues } : {}),
    ...(status === 'PENDING' ? { expiresAt: expiryAfter(window.end) } : {}),
    status,
    ...(base.status === 'PENDING' && status === 'OPEN' ? { openedAt: nowIso } : {}),
    logTypes: [...new Set([...base.logTypes, ...group.logTypes])].sort(),
    firstSeen: group.firstSeen < base.firstSeen ? group.firstSeen : base.firstSeen,
    lastSeen: group.lastSeen > base.lastSeen ? group.lastSeen : base.lastSeen,
    samples: boundedSamples(base.samples, group.samples, sampleLimit),
    ...latest(base.latestSample, group.samples),
    recentBatches: [batchId, ...base.recentBatches].slice(0, RECENT_BATCHES),
    updatedAt: nowIso,
  };
}
