import type { Alert } from './alert';
import type { AlertStore } from './alert-store';

/**
 * Gives an alert its short number, once. Called by notify just before the alert is first shown, so
 * only alerts people see are numbered (a PENDING alert that never reaches its threshold takes none)
 * and the first message already carries it. The counter's ADD is atomic; writing the number onto
 * the alert is a conditional write that keeps a number already there, so a retried or concurrent
 * delivery never gives one alert two numbers (the loser's number is left unused: a gap, not a clash).
 */
export async function numberAlert(store: AlertStore, alert: Alert): Promise<Alert> {
  if (alert.number !== undefined) return alert;
  const number = await store.takeNumber(alert.id);
  const { after } = await store.mutate(alert.id, (current) => (current && current.number === undefined ? { ...current, number } : current));
  return after ?? alert;
}

/** How an alert is referred to in replies: `#42` once numbered, its id before. */
export function alertRef(alert: Pick<Alert, 'id' | 'number'>): string {
  return alert.number !== undefined ? `#${alert.number}` : alert.id;
}
