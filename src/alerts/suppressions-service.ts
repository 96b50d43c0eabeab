import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { ConfigFile } from '../config';
import { ProwlError } from '../errors';
import type { AuditLog } from './audit';
import type { AlertStore } from './alert-store';
import { requireRole, roleOf, type Actor } from './roles';
import type { SettingsStore } from './settings-store';
import { compileSuppression, describeCondition, fieldValues, isActive, scopeOf, type Condition, type Suppression } from './suppression';
import type { Alert } from './alert';
import type { Timeline } from './timeline';

export interface SuppressionRequest {
  ruleId: string;
  dedup?: string;
  conditions: Condition[];
  expiresAt?: string;
  reason: string;
}

export interface SuppressionDeps {
  settings: SettingsStore;
  alerts: AlertStore;
  audit: AuditLog;
  config: Pick<ConfigFile, 'roles' | 'teams'>;
  now: () => DateTime;
  /** The rule ids that exist, so a typo cannot create a suppression that silences nothing. */
  ruleIds: ReadonlySet<string>;
  /** Where a suppression made from an alert is told, in that alert's thread. */
  timeline?: Pick<Timeline, 'add'>;
}

const PREVIEW_DAYS = 7;
/** How many of a rule's recent alerts a responder's suppression is checked against. */
const NARROWING_ALERTS = 200;

/** Every value a condition names occurs in this alert's own events (exact values: no globs or ranges). */
function conditionsSeenIn(alert: Alert, conditions: readonly Condition[]): boolean {
  return conditions.every((condition) => {
    if (condition.op !== 'equals' && condition.op !== 'oneOf') return false;
    const wanted = condition.op === 'equals' ? [condition.value] : condition.value;
    return wanted.length > 0 && wanted.every((value) => alert.samples.some((event) => fieldValues(event, condition.field).includes(value)));
  });
}

/**
 * Creating, ending and listing suppressions. Admins may silence anything, a whole rule included.
 * Responders may only narrow: their suppression must name the dedup key of an alert this rule
 * raised, or exact field values that occur in the events of one such alert — never a wildcard or
 * range that could match what nobody has seen yet.
 */
export function createSuppressionService(deps: SuppressionDeps) {
  /** The one authorization check for suppressions, whatever they came from (command or modal). */
  async function authorize(request: SuppressionRequest, actor: Actor): Promise<void> {
    if (!deps.ruleIds.has(request.ruleId)) throw new ProwlError('prowl_not_found', `no rule ${request.ruleId}; \`/prowl rules list\` shows them`);
    const whole = request.dedup === undefined && request.conditions.length === 0;
    requireRole(actor, whole ? 'admin' : 'responder', deps.config, whole ? 'suppress a whole rule' : 'suppress alerts');
    if (roleOf(actor, deps.config) === 'admin') return;
    const alerts = (await deps.alerts.listByRule(request.ruleId, NARROWING_ALERTS)).filter((alert) => alert.status !== 'PENDING');
    const narrows = alerts.some((alert) => (request.dedup === undefined || alert.dedup === request.dedup) && conditionsSeenIn(alert, request.conditions));
    if (!narrows) {
      const asked = [request.dedup !== undefined ? `key "${request.dedup}"` : undefined, ...request.conditions.map(describeCondition)]
        .filter(Boolean)
        .join(' and ');
      throw new ProwlError(
        'prowl_forbidden',
        `responders may only suppress what an alert of ${request.ruleId} actually had: its dedup key, or exact field values from its events (no ~ globs or CIDR ranges). No recent alert of this rule has ${asked}; ask a Prowl admin for a wider suppression.`,
      );
    }
  }

  return {
    /** `about`: the alert the suppression was made from, whose thread is told. */
    async create(request: SuppressionRequest, actor: Actor, about?: { alertId: string }): Promise<Suppression> {
      await authorize(request, actor);
      const at = deps.now().toUTC().toISO()!;
      const id = `s-${randomBytes(5).toString('hex')}`;
      const suppression: Suppression = {
        id,
        ruleId: request.ruleId,
        ...(request.dedup !== undefined ? { dedup: request.dedup } : {}),
        conditions: request.conditions,
        ...(request.expiresAt ? { expiresAt: request.expiresAt } : {}),
        reason: request.reason,
        createdBy: actor.userId,
        createdAt: at,
        suppressedCount: 0,
        recentBatches: [],
        version: 0,
      };
      const { after } = await deps.settings.mutateSuppression(id, (current) => current ?? suppression);
      await deps.audit.record({
        subject: id,
        action: 'suppress',
        actor: actor.userId,
        at,
        after: {
          ruleId: suppression.ruleId,
          scope: scopeOf(suppression),
          dedup: suppression.dedup,
          conditions: suppression.conditions,
          expiresAt: suppression.expiresAt,
          reason: suppression.reason,
        },
      });
      await deps.audit.record({ subject: request.ruleId, action: 'suppress', actor: actor.userId, at, after: { suppressionId: id } });
      if (about && deps.timeline) {
        const until = suppression.expiresAt ? ` until ${suppression.expiresAt}` : '';
        await deps.timeline.add(about.alertId, {
          kind: 'suppressed',
          actor: actor.userId,
          at,
          text: `${scopeOf(suppression)} suppression ${id}${until}: ${request.reason}`,
        });
      }
      return after!;
    },

    /** Ends a suppression now; the record stays, with its count, for the audit trail. */
    async remove(id: string, actor: Actor): Promise<Suppression> {
      const existing = await deps.settings.suppression(id);
      if (!existing || !isActive(existing, deps.now()))
        throw new ProwlError('prowl_not_found', `no active suppression ${id}; \`/prowl suppressions\` lists them`);
      requireRole(actor, scopeOf(existing) === 'rule' ? 'admin' : 'responder', deps.config, 'end this suppression');
      const at = deps.now().toUTC().toISO()!;
      const { after } = await deps.settings.mutateSuppression(id, (current) => current && { ...current, expiresAt: at });
      await deps.audit.record({
        subject: id,
        action: 'unsuppress',
        actor: actor.userId,
        at,
        before: { expiresAt: existing.expiresAt ?? 'never' },
        after: { expiresAt: at },
      });
      return after!;
    },

    async active(): Promise<Suppression[]> {
      const now = deps.now();
      return (await deps.settings.suppressions()).filter((s) => isActive(s, now)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** How many of the rule's alerts from the last week this suppression would have silenced. */
    async preview(request: SuppressionRequest): Promise<{ caught: number; of: number }> {
      const since = deps.now().minus({ days: PREVIEW_DAYS }).toUTC().toISO()!;
      const recent = (await deps.alerts.listByRule(request.ruleId, 200)).filter((alert) => alert.lastSeen >= since && alert.status !== 'PENDING');
      const compiled = compileSuppression({ ...request, id: 'preview', createdBy: '', createdAt: '', suppressedCount: 0, recentBatches: [], version: 0 });
      // Without conditions the rule and key decide; with them, the alert's sample events do.
      const caught = recent.filter((alert) =>
        request.conditions.length === 0
          ? request.dedup === undefined || request.dedup === alert.dedup
          : alert.samples.some((event) => compiled.matches(alert.ruleId, alert.dedup, event)),
      );
      return { caught: caught.length, of: recent.length };
    },
  };
}

export type SuppressionService = ReturnType<typeof createSuppressionService>;
