import type { DateTime } from 'luxon';
import type { ConfigFile, TeamConfig } from '../config';
import { ProwlError } from '../errors';
import type { Alert, AlertStatus, Resolution } from './alert';
import type { AlertStore } from './alert-store';
import type { AuditLog } from './audit';
import type { NotifyQueue } from './notify-queue';
import { requireRole, type Actor } from './roles';
import { teamFor } from './routing';
import { createTimeline, type TimelineEvent } from './timeline';
import * as transitions from './transitions';

/** `quiet`: no timeline reply for this one alert (a bulk action posts one entry for the whole group). */
export interface ChangeOptions {
  quiet?: boolean;
}

export interface TriageDeps {
  alerts: AlertStore;
  audit: AuditLog;
  notify: NotifyQueue;
  config: Pick<ConfigFile, 'roles' | 'slack'>;
  /** Teams as they stand now (config plus routes changed from Slack). */
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

function statusOf(alert: Alert | undefined): Record<string, unknown> {
  return { status: alert?.status, ...(alert?.resolution ? { resolution: alert.resolution } : {}) };
}

function assigneeOf(alert: Alert | undefined): Record<string, unknown> {
  return { assignee: alert?.assignee ?? null };
}

/**
 * What people do to alerts. Each change is authorized against the alert's team, written with a
 * conditional update, recorded in the audit trail, and queued for notify so the Slack message
 * updates in place.
 */
export function createTriage(deps: TriageDeps) {
  const timeline = createTimeline(deps.notify);
  async function change(
    alertId: string,
    actor: Actor,
    action: string,
    entry: Pick<TimelineEvent, 'kind' | 'text'> | undefined,
    apply: (alert: Alert, at: string) => Alert,
    options: ChangeOptions = {},
    audited: (alert: Alert | undefined, side: 'before' | 'after') => Record<string, unknown> = statusOf,
  ): Promise<Alert> {
    const existing = await deps.alerts.get(alertId);
    if (!existing || existing.status === 'PENDING') {
      throw new ProwlError('prowl_not_found', `no alert ${alertId}; \`/prowl alerts\` lists open ones`);
    }
    const teams = await deps.teams();
    requireRole(actor, 'responder', { roles: deps.config.roles, teams }, `${action} alerts`, teamFor(existing, teams)?.name);
    const at = deps.now().toUTC().toISO()!;
    const result = await deps.alerts.mutate(alertId, (alert) => (alert ? apply(alert, at) : alert));
    const after = result.after!;
    await deps.audit.record({
      subject: alertId,
      action,
      actor: actor.userId,
      at,
      before: audited(result.before, 'before'),
      after: audited(after, 'after'),
    });
    await deps.notify.send([alertId]);
    if (entry && !options.quiet) await timeline.add(alertId, { ...entry, actor: actor.userId, at });
    return after;
  }

  return {
    acknowledge: (alertId: string, actor: Actor, options?: ChangeOptions) =>
      change(alertId, actor, 'acknowledge', { kind: 'acknowledged' }, (a, at) => transitions.acknowledge(a, actor.userId, at), options),
    unacknowledge: (alertId: string, actor: Actor) =>
      change(alertId, actor, 'unacknowledge', { kind: 'unacknowledged' }, (a, at) => transitions.unacknowledge(a, actor.userId, at)),
    resolve: (alertId: string, actor: Actor, reason: Resolution, note?: string) =>
      change(alertId, actor, 'resolve', { kind: 'resolved', text: note ? `${reason}: ${note}` : reason }, (a, at) =>
        transitions.resolve(a, actor.userId, at, reason, note),
      ),
    /** Gives the alert an owner; they hear about it in a DM (notify sends it, once per assignment). */
    assign: (alertId: string, assignee: string, actor: Actor) =>
      change(alertId, actor, 'assign', { kind: 'assigned' }, (a, at) => transitions.assign(a, assignee, actor.userId, at), {}, assigneeOf),
    unassign: (alertId: string, actor: Actor) =>
      change(alertId, actor, 'unassign', undefined, (a, at) => transitions.unassign(a, actor.userId, at), {}, assigneeOf),
    /** Records a note in the audit trail and posts it in the alert's thread (its timeline). */
    note: (alertId: string, text: string, actor: Actor) =>
      change(
        alertId,
        actor,
        'note',
        { kind: 'note', text },
        (a, at) => ({ ...a, updatedAt: at }),
        {},
        (_, side) => (side === 'after' ? { note: text } : {}),
      ),
    list: (status: AlertStatus, limit = 20) => deps.alerts.listByStatus(status, limit),
    get: (alertId: string) => deps.alerts.get(alertId),
    /** The alert a reference names: `#42` by its short number, anything else as an id. */
    async idOf(ref: string): Promise<string> {
      if (!ref.startsWith('#')) return ref;
      const alert = await deps.alerts.getByNumber(Number(ref.slice(1)));
      if (!alert) throw new ProwlError('prowl_not_found', `no alert ${ref}; \`/prowl alerts\` lists open ones`);
      return alert.id;
    },
  };
}

export type Triage = ReturnType<typeof createTriage>;
