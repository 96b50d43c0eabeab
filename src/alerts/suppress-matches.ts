import type { DateTime } from 'luxon';
import type { Match } from '../detect/engine';
import type { NormalizedEvent } from '../logs/log-type';
import type { SettingsStore } from './settings-store';
import { RECENT_BATCHES } from './dedup';
import type { CompiledSuppression } from './suppression';

export interface SuppressionTally {
  count: number;
  lastEventTime: string;
}

/** Splits matches into those to alert on and counts of those silenced, per suppression. */
export class SuppressedMatches {
  readonly tallies = new Map<string, SuppressionTally>();

  constructor(private readonly suppressions: readonly CompiledSuppression[]) {}

  /** True when a suppression silenced the match (it is counted, not dropped). */
  silenced(match: Match): boolean {
    return this.silencedBy(match.rule.id, match.dedup, match.event, match.event.p_event_time);
  }

  /** The same for anything with a rule (or policy) id and a dedup key; conditions read `fields`. */
  silencedBy(ruleId: string, dedup: string, fields: NormalizedEvent, time: string): boolean {
    const hit = this.suppressions.find((s) => s.matches(ruleId, dedup, fields));
    if (!hit) return false;
    const tally = this.tallies.get(hit.suppression.id) ?? { count: 0, lastEventTime: time };
    tally.count += 1;
    if (time > tally.lastEventTime) tally.lastEventTime = time;
    this.tallies.set(hit.suppression.id, tally);
    return true;
  }
}

/** Adds a batch's silenced matches to each suppression's count, once per batch even when retried. */
export async function recordSuppressed(settings: SettingsStore, tallies: ReadonlyMap<string, SuppressionTally>, batchId: string, now: DateTime): Promise<void> {
  for (const [id, tally] of tallies) {
    await settings.countSuppressed(id, (current) => {
      if (!current || current.recentBatches.includes(batchId)) return current;
      return {
        ...current,
        suppressedCount: current.suppressedCount + tally.count,
        lastSuppressedAt: now.toUTC().toISO()!,
        recentBatches: [batchId, ...current.recentBatches].slice(0, RECENT_BATCHES),
      };
    });
  }
}
