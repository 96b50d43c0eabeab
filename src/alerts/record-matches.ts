import type { DateTime } from 'luxon';
import { windowIdFor, type Alert } from './alert';
import type { AlertStore } from './alert-store';
import { applyMatches, nextWindow } from './dedup';
import type { MatchGroup } from './match-groups';

export interface RecordOptions {
  /** Identifies the input (object + version, or message) so a retry is recognised. */
  batchId: string;
  now: DateTime;
  sampleLimit: number;
}

export interface GroupFailure {
  ruleId: string;
  dedup: string;
  error: unknown;
}

export interface RecordedGroups {
  /** Alerts people should hear about, from the groups that were written. */
  notify: Alert[];
  /** Groups whose write failed; the others were written regardless. */
  failures: GroupFailure[];
}

async function recordGroup(store: AlertStore, group: MatchGroup, options: RecordOptions): Promise<Alert | undefined> {
  const { after: window } = await store.mutateWindow(windowIdFor(group.rule.id, group.dedup), (current) => nextWindow(current, group, options.now));
  if (!window) return undefined;
  const { after: alert } = await store.mutate(window.alertId, (current) =>
    applyMatches(current, group, window, options.batchId, options.now, options.sampleLimit),
  );
  return alert && alert.status !== 'PENDING' ? alert : undefined;
}

/**
 * Writes each group into its window's alert and returns the alerts people should hear about: every
 * alert at or past its threshold, including ones this batch had already updated on an earlier try
 * (notify is idempotent, and skipping them would lose the message if that try died before enqueueing).
 * Each group is written on its own: one that fails is reported and never holds back the others.
 */
export async function recordMatchGroups(store: AlertStore, groups: MatchGroup[], options: RecordOptions): Promise<RecordedGroups> {
  const recorded: RecordedGroups = { notify: [], failures: [] };
  for (const group of groups) {
    try {
      const alert = await recordGroup(store, group, options);
      if (alert) recorded.notify.push(alert);
    } catch (error) {
      recorded.failures.push({ ruleId: group.rule.id, dedup: group.dedup, error });
    }
  }
  return recorded;
}
