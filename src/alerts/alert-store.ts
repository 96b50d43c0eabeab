import type { Alert, AlertStatus, DedupWindow } from './alert';
import type { Change, MutateResult } from './versioned-change';

/** Where alerts and their dedup windows live. Every change is a single conditional write. */
export interface AlertStore {
  get(id: string): Promise<Alert | undefined>;
  mutate(id: string, change: Change<Alert>): Promise<MutateResult<Alert>>;
  mutateWindow(id: string, change: Change<DedupWindow>): Promise<MutateResult<DedupWindow>>;
  /** Most recently seen first. */
  listByStatus(status: AlertStatus, limit: number): Promise<Alert[]>;
  /** A rule's alerts (not dedup windows), most recently seen first. */
  listByRule(ruleId: string, limit: number): Promise<Alert[]>;
  /**
   * Alerts in a state whose last change (`updatedAt`) is at or after `since`, most recent change
   * first, at most `max`: `complete` is false when more were left unread.
   */
  listChangedSince(status: AlertStatus, since: string, max: number): Promise<{ alerts: Alert[]; complete: boolean }>;
  /** Ids of alerts with a follow-up due at or before `at` (ISO), earliest first: read from a small index, never a table scan. */
  listDue(at: string, limit: number): Promise<string[]>;
  /** The next short number, taken for this alert: one atomic increment of the deployment's counter (a number taken is never given again). */
  takeNumber(alertId: string): Promise<number>;
  /** The alert with this short number. */
  getByNumber(number: number): Promise<Alert | undefined>;
}
