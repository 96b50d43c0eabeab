import type { DateTime } from 'luxon';
import { isProwlError, ProwlError } from '../errors';
import type { Alert } from './alert';
import type { AlertStore } from './alert-store';
import type { NotifyQueue } from './notify-queue';
import type { Actor } from './roles';
import type { StormGroup, StormStore } from './storm';
import type { SuppressionService } from './suppressions-service';
import type { Timeline } from './timeline';
import type { Triage } from './triage';

export interface StormActionDeps {
  storms: Pick<StormStore, 'get' | 'recordBulk'>;
  alerts: Pick<AlertStore, 'get'>;
  triage: Pick<Triage, 'acknowledge'>;
  suppressions: Pick<SuppressionService, 'create'>;
  timeline: Pick<Timeline, 'addToStorm'>;
  notify: Pick<NotifyQueue, 'sendMessages'>;
  now: () => DateTime;
}

/**
 * Alerts acknowledged at once: a storm of a thousand is done in a few seconds of single-item
 * writes (Slack's 3-second answer comes late then, but the work completes and the thread says so).
 */
const PARALLEL = 25;
/** *Show list* reads at most this many alerts. */
const LIST_LIMIT = 500;
const SUPPRESS_HOURS = 1;

/**
 * What the buttons of a storm's grouped message do, through the same use cases as one alert's
 * buttons: each acknowledgement is authorized against its alert's team and audited, the rule's
 * suppression is an admin's whole-rule suppression. The thread gets one entry for the group
 * rather than one per alert.
 */
export function createStormActions(deps: StormActionDeps) {
  async function groupOrFail(stormId: string): Promise<StormGroup> {
    const group = stormId ? await deps.storms.get(stormId) : undefined;
    if (!group) throw new ProwlError('prowl_not_found', `storm ${stormId} no longer exists (storms are kept a day after their window)`);
    return group;
  }

  return {
    /** Acknowledges every open alert of the storm; the ones already acknowledged or resolved are left as they are. */
    async acknowledgeAll(stormId: string, actor: Actor): Promise<{ acknowledged: number; skipped: number }> {
      const group = await groupOrFail(stormId);
      let acknowledged = 0;
      let skipped = 0;
      let refused: unknown;
      for (let i = 0; i < group.alertIds.length; i += PARALLEL) {
        const outcomes = await Promise.allSettled(group.alertIds.slice(i, i + PARALLEL).map((id) => deps.triage.acknowledge(id, actor, { quiet: true })));
        for (const outcome of outcomes) {
          if (outcome.status === 'fulfilled') acknowledged += 1;
          else if (isProwlError(outcome.reason, 'prowl_conflict') || isProwlError(outcome.reason, 'prowl_not_found')) skipped += 1;
          else refused ??= outcome.reason;
        }
      }
      // Nothing acknowledged because the person may not: say why, as one alert's button would.
      if (acknowledged === 0 && refused) throw refused;
      if (acknowledged > 0) {
        const at = deps.now().toUTC().toISO()!;
        await deps.storms.recordBulk(stormId, {
          acknowledgedBy: actor.userId,
          acknowledgedAt: at,
          acknowledged: acknowledged + (group.bulk?.acknowledged ?? 0),
        });
        await deps.timeline.addToStorm(stormId, {
          kind: 'acknowledged-all',
          actor: actor.userId,
          at,
          text: `${acknowledged} open alert${acknowledged === 1 ? '' : 's'} acknowledged`,
        });
        await deps.notify.sendMessages([{ stormId }]);
      }
      if (refused) throw refused;
      return { acknowledged, skipped };
    },

    /** Suppresses the storm's rule for an hour: a whole-rule suppression, so admins only. */
    async suppressRule(stormId: string, actor: Actor): Promise<{ suppressionId: string; until: string }> {
      const group = await groupOrFail(stormId);
      const at = deps.now().toUTC();
      const until = at.plus({ hours: SUPPRESS_HOURS }).toISO()!;
      const suppression = await deps.suppressions.create(
        { ruleId: group.rule, conditions: [], expiresAt: until, reason: `storm of ${group.alertIds.length} alerts for ${group.channel}` },
        actor,
      );
      await deps.storms.recordBulk(stormId, { suppressionId: suppression.id, suppressedBy: actor.userId, suppressedUntil: until });
      await deps.timeline.addToStorm(stormId, {
        kind: 'suppressed',
        actor: actor.userId,
        at: at.toISO()!,
        text: `rule ${group.rule} suppressed until ${until} (${suppression.id})`,
      });
      await deps.notify.sendMessages([{ stormId }]);
      return { suppressionId: suppression.id, until };
    },

    /** The storm's alerts as they stand now, oldest first. */
    async list(stormId: string): Promise<{ group: StormGroup; alerts: Alert[] }> {
      const group = await groupOrFail(stormId);
      const ids = group.alertIds.slice(0, LIST_LIMIT);
      const alerts: Alert[] = [];
      for (let i = 0; i < ids.length; i += PARALLEL * 2) {
        const read = await Promise.all(ids.slice(i, i + PARALLEL * 2).map((id) => deps.alerts.get(id)));
        alerts.push(...read.filter((a): a is Alert => a !== undefined));
      }
      return { group, alerts: alerts.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id)) };
    },
  };
}

export type StormActions = ReturnType<typeof createStormActions>;
