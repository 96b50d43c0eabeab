import type { DateTime } from 'luxon';
import type { ConfigFile, TeamConfig } from '../config';
import { ProwlError } from '../errors';
import type { Alert } from './alert';
import type { AlertStore } from './alert-store';
import type { AuditLog } from './audit';
import { answerConfirmation, escalationTarget } from './follow-ups';
import type { NotifyQueue } from './notify-queue';
import type { Actor } from './roles';
import { teamFor } from './routing';

export interface ConfirmationsDeps {
  alerts: AlertStore;
  audit: AuditLog;
  notify: NotifyQueue;
  config: Pick<ConfigFile, 'roles'>;
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

/**
 * Answers to "was this you?". Only the person asked may answer (no role needed: the question was
 * theirs); the answer is written with a conditional update and audited, and notify tells the
 * thread, updates the DM and posts any escalation a "no" caused.
 */
export function createConfirmations(deps: ConfirmationsDeps) {
  return {
    async answer(alertId: string, actor: Actor, yes: boolean): Promise<Alert> {
      const existing = await deps.alerts.get(alertId);
      if (!existing || existing.status === 'PENDING') throw new ProwlError('prowl_not_found', `no alert ${alertId}`);
      const target = escalationTarget(teamFor(existing, await deps.teams()), deps.config);
      const at = deps.now().toUTC().toISO()!;
      const result = await deps.alerts.mutate(alertId, (alert) => (alert ? answerConfirmation(alert, actor.userId, yes, at, target) : alert));
      const after = result.after!;
      await deps.audit.record({
        subject: alertId,
        action: yes ? 'confirmation-yes' : 'confirmation-no',
        actor: actor.userId,
        at,
        before: { status: result.before?.status },
        after: { status: after.status, ...(after.resolution ? { resolution: after.resolution } : {}) },
      });
      if (!yes) await deps.audit.record({ subject: alertId, action: 'escalate', actor: actor.userId, at, after: { reason: 'denied', ...target } });
      await deps.notify.send([alertId]);
      return after;
    },
  };
}

export type Confirmations = ReturnType<typeof createConfirmations>;
