import { ProwlError } from '../errors';
import type { Alert, Resolution } from './alert';

/**
 * Pure state changes of an alert, each checked against where it stands now. They throw a
 * `prowl_conflict` error that says why when the change makes no sense (acknowledging a resolved alert).
 */
export function acknowledge(alert: Alert, actor: string, at: string): Alert {
  if (alert.status !== 'OPEN') {
    throw new ProwlError('prowl_conflict', `alert ${alert.id} is ${alert.status.toLowerCase()}; only open alerts can be acknowledged`);
  }
  return { ...alert, status: 'ACKNOWLEDGED', acknowledgedBy: actor, acknowledgedAt: at, updatedAt: at };
}

export function unacknowledge(alert: Alert, _actor: string, at: string): Alert {
  if (alert.status !== 'ACKNOWLEDGED') {
    throw new ProwlError('prowl_conflict', `alert ${alert.id} is ${alert.status.toLowerCase()}; only acknowledged alerts can be unacknowledged`);
  }
  const { acknowledgedBy: _by, acknowledgedAt: _at, ...rest } = alert;
  return { ...rest, status: 'OPEN', updatedAt: at };
}

export function resolve(alert: Alert, actor: string, at: string, reason: Resolution, note?: string): Alert {
  if (alert.status === 'RESOLVED' || alert.status === 'PENDING') {
    throw new ProwlError('prowl_conflict', `alert ${alert.id} is ${alert.status.toLowerCase()}; only open or acknowledged alerts can be resolved`);
  }
  return { ...alert, status: 'RESOLVED', resolvedBy: actor, resolvedAt: at, resolution: { reason, ...(note ? { note } : {}) }, updatedAt: at };
}

/** Gives the alert an owner (replacing any earlier one); a resolved alert has nothing left to own. */
export function assign(alert: Alert, assignee: string, actor: string, at: string): Alert {
  if (alert.status === 'RESOLVED' || alert.status === 'PENDING') {
    throw new ProwlError('prowl_conflict', `alert ${alert.id} is ${alert.status.toLowerCase()}; only open or acknowledged alerts can be assigned`);
  }
  return { ...alert, assignee, assignedBy: actor, assignedAt: at, updatedAt: at };
}

export function unassign(alert: Alert, _actor: string, at: string): Alert {
  if (!alert.assignee) throw new ProwlError('prowl_conflict', `alert ${alert.id} is not assigned to anyone`);
  const { assignee: _assignee, assignedBy: _by, assignedAt: _at, ...rest } = alert;
  return { ...rest, updatedAt: at };
}
