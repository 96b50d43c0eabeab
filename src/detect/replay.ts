import { DateTime } from 'luxon';
import type { Severity } from '../config/severity';
import type { Match, RuleFailure } from './engine';
import { DISTINCT_LIMITS } from './rule';

/** The rule id replay gives the alert raised when a rule throws. */
export const RULE_ERROR_ID = 'Prowl.RuleError';

/** An alert replay says would have fired. */
export interface ReplayAlert {
  ruleId: string;
  title: string;
  severity: Severity;
  dedup: string;
  count: number;
  /** For rules whose threshold counts distinct values: how many different values the window saw. */
  distinctValues?: number;
  tags: string[];
  firstSeen: string;
  lastSeen: string;
  /** Who wrote the rule and under which license (Sigma rules), for attribution where matches are shown. */
  author?: string;
  license?: string;
}

/** How much one rule fired over a replay: the numbers that show a noisy rule before it goes live. */
export interface RuleCount {
  ruleId: string;
  /** Alerts that reached their threshold. */
  alerts: number;
  /** Events the rule matched (each alert folds one or more). */
  matches: number;
  /** matches as a share of every event evaluated, 0–1. */
  share: number;
}

interface Window {
  alert: ReplayAlert;
  start: string;
  end: string;
  threshold: number;
  /** Present when the rule counts distinct values (bounded like the alert's own list). */
  values?: Set<string>;
}

function byFirstSeen(a: ReplayAlert, b: ReplayAlert): number {
  return a.firstSeen < b.firstSeen ? -1 : a.firstSeen > b.firstSeen ? 1 : 0;
}

/**
 * Folds matches into alerts the way production does — a window fixed from the first match that
 * arrives, the alert firing once the count reaches the threshold — as they stream past: nothing
 * of an event is kept, only a summary per window, so memory follows the number of alerts, not
 * the size of the logs. A match joins the window of its rule and dedup key that covers its event
 * time, or opens a new one; files are read in name order, which for AWS log keys is time order.
 */
export class ReplayAlerts {
  private readonly windows = new Map<string, Window[]>();
  private readonly failures = new Map<string, ReplayAlert>();
  private readonly matchesPerRule = new Map<string, number>();

  add(match: Match): void {
    this.matchesPerRule.set(match.rule.id, (this.matchesPerRule.get(match.rule.id) ?? 0) + 1);
    const key = `${match.rule.id}\u0000${match.dedup}`;
    const time = match.event.p_event_time;
    const windows = this.windows.get(key) ?? [];
    if (windows.length === 0) this.windows.set(key, windows);
    // Newest first: in time-ordered input the match almost always belongs to the last window.
    let window = windows.findLast((w) => time >= w.start && time < w.end);
    if (!window) {
      window = {
        alert: {
          ruleId: match.rule.id,
          title: match.title,
          severity: match.severity,
          dedup: match.dedup,
          count: 0,
          tags: match.rule.tags,
          firstSeen: time,
          lastSeen: time,
          ...(match.rule.author ? { author: match.rule.author } : {}),
          ...(match.rule.license ? { license: match.rule.license } : {}),
        },
        start: time,
        end: DateTime.fromISO(time, { zone: 'utc' }).plus({ minutes: match.rule.dedupPeriodMinutes }).toUTC().toISO()!,
        threshold: match.rule.threshold,
        ...(match.rule.distinctValues ? { values: new Set<string>() } : {}),
      };
      windows.push(window);
    }
    window.alert.count += 1;
    // Bounded like the alert item's list: past the cap a window has long reached any threshold.
    for (const value of match.values ?? []) if (window.values && window.values.size < DISTINCT_LIMITS.valuesPerAlert) window.values.add(value);
    if (time < window.alert.firstSeen) window.alert.firstSeen = time;
    if (time > window.alert.lastSeen) window.alert.lastSeen = time;
  }

  addFailure(failure: RuleFailure): void {
    const dedup = `${failure.ruleId} ${failure.kind}`;
    const time = failure.event.p_event_time;
    const existing = this.failures.get(dedup);
    if (existing) {
      existing.count += 1;
      if (time < existing.firstSeen) existing.firstSeen = time;
      if (time > existing.lastSeen) existing.lastSeen = time;
      return;
    }
    this.failures.set(dedup, {
      ruleId: RULE_ERROR_ID,
      title: `Rule ${failure.ruleId} failed: ${failure.kind}: ${failure.message}`,
      severity: 'HIGH',
      dedup,
      count: 1,
      tags: [],
      firstSeen: time,
      lastSeen: time,
    });
  }

  /**
   * Per-rule totals over the given alerts (from alerts()) and every match seen, noisiest first.
   * Rules that matched without reaching a threshold are listed with zero alerts, so a threshold
   * that is doing the work is visible too. `events` is how many events were evaluated.
   */
  ruleCounts(fired: readonly ReplayAlert[], events: number): RuleCount[] {
    const counts = new Map<string, RuleCount>();
    const entry = (ruleId: string): RuleCount => {
      const found = counts.get(ruleId) ?? { ruleId, alerts: 0, matches: 0, share: 0 };
      counts.set(ruleId, found);
      return found;
    };
    for (const [ruleId, matches] of this.matchesPerRule) entry(ruleId).matches += matches;
    for (const alert of fired) {
      const count = entry(alert.ruleId);
      count.alerts += 1;
      // Rule errors are not matches; their count is how many events hit the error.
      if (alert.ruleId === RULE_ERROR_ID) count.matches += alert.count;
    }
    for (const count of counts.values()) count.share = events > 0 ? count.matches / events : 0;
    return [...counts.values()].sort((a, b) => b.alerts - a.alerts || b.matches - a.matches || (a.ruleId < b.ruleId ? -1 : 1));
  }

  /** Alerts that reached their threshold, in the order they first fired, then rule errors. */
  alerts(): ReplayAlert[] {
    const counted = (w: Window): number => w.values?.size ?? w.alert.count;
    const fired = [...this.windows.values()]
      .flat()
      .filter((w) => counted(w) >= w.threshold)
      .map((w) => (w.values ? { ...w.alert, distinctValues: w.values.size } : w.alert));
    return [...fired.sort(byFirstSeen), ...this.failures.values()];
  }
}
