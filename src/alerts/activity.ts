import { DateTime } from 'luxon';
import type { Alert, AlertStatus } from './alert';
import type { AlertStore } from './alert-store';

/** The states a person sees; PENDING alerts are below threshold and told to nobody. */
export const SEEN_STATUSES: readonly AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];

/** When people were first told: thresholded alerts open after their first match was counted. */
export function openedAt(alert: Alert): string {
  return alert.openedAt ?? alert.createdAt;
}

/**
 * Every seen alert changed at or after `since` (opened, acknowledged or resolved then, or still
 * counting matches), read through the status-by-change index: at most `maxPerStatus` per state,
 * with `complete` false when that cap left some unread.
 */
export async function alertsChangedSince(
  store: Pick<AlertStore, 'listChangedSince'>,
  since: DateTime,
  maxPerStatus: number,
): Promise<{ alerts: Alert[]; complete: boolean }> {
  const iso = since.toUTC().toISO()!;
  const pages = await Promise.all(SEEN_STATUSES.map((status) => store.listChangedSince(status, iso, maxPerStatus)));
  return { alerts: pages.flatMap((page) => page.alerts), complete: pages.every((page) => page.complete) };
}

/** Milliseconds between two ISO instants (ISO-8601 UTC strings from our own writes). */
export function millisBetween(from: string, to: string): number {
  return DateTime.fromISO(to, { zone: 'utc' }).toMillis() - DateTime.fromISO(from, { zone: 'utc' }).toMillis();
}
