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
  end: string;
  threshold: number;
  /** Present when the rule counts distinct values (bounded like the alert's own list). */
  values?: Set<string>;
}

/**
 * Folds matches into alerts the way production does — windows fixed from the first match, the
 * alert firing once the count (or the number of distinct values) reaches the threshold — but on event time, so replaying history
 * gives the alerts that history would have raised whatever order files are read in.
 */
export class ReplayAlerts {
  private readonly matches: Match[] = [];
  private readonly failures = new Map<string, ReplayAlert>();

  add(match: Match): void {
    this.matches.push(match);
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
    this.failures.set(dedup, { ruleId: RULE_ERROR_ID, title: `Rule ${failure.ruleId} failed: ${failure.kind}: ${failure.message}`, severity: 'HIGH', dedup, count: 1, tags: [], firstSeen: time, lastSeen: time });
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
    for (const match of this.matches) entry(match.rule.id).matches += 1;
    for (const alert of fired) {
      const count = entry(alert.ruleId);
      count.alerts += 1;
      // Rule errors are not matches; their count is how many events hit the error.
      if (alert.ruleId === RULE_ERROR_ID) count.matches += alert.count;
    }
    for (const count of counts.values()) count.share = events > 0 ? count.matches / events : 0;
    return [...counts.values()].sort((a, b) => b.alerts - a.alerts || b.matches - a.matches || (a.ruleId < b.ruleId ? -1 : 1));
  }

  /** Alerts that reached their threshold, in the order they first fired. */
  alerts(): ReplayAlert[] {
    const ordered = [...this.matches].sort((a, b) => (a.event.p_event_time < b.event.p_event_time ? -1 : a.event.p_event_time > b.event.p_event_time ? 1 : 0));
    const open = new Map<string, Window>();
    const all: Window[] = [];
    for (const match of ordered) {
      const key = `${match.rule.id}\u0000${match.dedup}`;
      const time = match.event.p_event_time;
      let window = open.get(key);
      if (!window || time >= window.end) {
        window = {
          alert: { ruleId: match.rule.id, title: match.title, severity: match.severity, dedup: match.dedup, count: 0, tags: match.rule.tags, firstSeen: time, lastSeen: time },
          end: DateTime.fromISO(time, { zone: 'utc' }).plus({ minutes: match.rule.dedupPeriodMinutes }).toUTC().toISO()!,
          threshold: match.rule.threshold,
          ...(match.values ? { values: new Set<string>() } : {}),
        };
        open.set(key, window);
        all.push(window);
      }
      window.alert.count += 1;
      window.alert.lastSeen = time;
      for (const value of match.values ?? []) if ((window.values?.size ?? Infinity) < DISTINCT_LIMITS.valuesPerAlert) window.values?.add(value);
    }
    const counted = (w: Window): number => w.values?.size ?? w.alert.count;
    return [
      ...all.filter((w) => counted(w) >= w.threshold).map((w) => (w.values ? { ...w.alert, distinctValues: w.values.size } : w.alert)),
      ...this.failures.values(),
    ];
  }
}
