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

/**
 * Writes each group into its window's alert and returns the alerts people should hear about: every
 * alert at or past its threshold, including ones this batch had already updated on an earlier try
 * (notify is idempotent, and skipping them would lose the message if that try died before enqueueing).
 */
export async function recordMatchGroups(store: AlertStore, groups: MatchGroup[], options: RecordOptions): Promise<Alert[]> {
  const notify: Alert[] = [];
  for (const group of groups) {
    const { after: window } = await store.mutateWindow(windowIdFor(group.rule.id, group.dedup), (current) =>
      nextWindow(current, group, options.now),
    );
    if (!window) continue;
    const { after: alert } = await store.mutate(window.alertId, (current) =>
      applyMatches(current, group, window, options.batchId, options.now, options.sampleLimit),
    );
    if (alert && alert.status !== 'PENDING') notify.push(alert);
  }
  return notify;
}
