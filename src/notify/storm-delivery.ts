import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Alert } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import type { NotifyQueue } from '../alerts/notify-queue';
import { addToTop, isStorming, stormSettingsFor, unlisted, type StormGroup, type StormStore } from '../alerts/storm';
import type { ConfigFile, TeamConfig } from '../config';
import { alertAccounts, alertActors } from '../slack/alert-message';
import type { SlackGateway } from '../slack/gateway';
import { slackRefused } from '../slack/gateway';
import type { SlackMessage } from '../slack/message';
import { STORM_ITEMS_PER_REPLY, stormGroupMessage, stormItemsMessage } from '../slack/storm-message';

/** A claim (on the grouped message, or on the next listing) without a result is abandoned after this long. */
const CLAIM_TIMEOUT_SECONDS = 120;
/** The grouped message is updated at most this often while alerts keep coming; the last listing always updates it. */
const GROUP_UPDATE_SECONDS = 3;

export interface StormDeps {
  alerts: AlertStore;
  storms: StormStore;
  gateway: SlackGateway;
  notify: Pick<NotifyQueue, 'sendMessages'>;
  config: Pick<ConfigFile, 'options'>;
  now: () => DateTime;
}

function hashOf(message: SlackMessage): string {
  return createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 16);
}

/**
 * Counts a new alert towards its rule's (or policy's) storm for the channel and says whether it
 * belongs in the storm's thread. Rule errors and system alerts never storm: they are Prowl's own,
 * few, and each matters on its own.
 */
export async function joinStorm(alert: Alert, channel: string, team: TeamConfig | undefined, deps: StormDeps): Promise<StormGroup | undefined> {
  if (alert.kind !== 'rule' && alert.kind !== 'policy') return undefined;
  const group = await deps.storms.join(
    {
      alertId: alert.id,
      ruleId: alert.ruleId,
      title: alert.title,
      severity: alert.severity,
      channel,
      settings: stormSettingsFor(team, deps.config.options.storm),
    },
    deps.now(),
  );
  return isStorming(group) ? group : undefined;
}

/** Posts the grouped message once; a worker that finds it claimed leaves it (and the listing after it) to that worker. */
async function postGroup(group: StormGroup, deps: StormDeps): Promise<StormGroup | undefined> {
  const now = deps.now().toUTC();
  const claimedAt = now.toISO()!;
  const claimed = await deps.storms.claimPost(group.id, claimedAt, now.minus({ seconds: CLAIM_TIMEOUT_SECONDS }).toISO()!);
  if (!claimed) return undefined;
  const message = stormGroupMessage(claimed);
  let ref;
  try {
    ref = await deps.gateway.post(claimed.channel, message);
  } catch (error) {
    // As for alerts: a refused post frees the claim for the retry; one that may have landed keeps it until it expires.
    if (slackRefused(error)) await deps.storms.releasePost(group.id, claimedAt);
    throw error;
  }
  await deps.storms.recordPost(group.id, claimedAt, ref, hashOf(message), claimedAt);
  return { ...claimed, slack: { claimedAt, ts: ref.ts, channel: ref.channel, renderedHash: hashOf(message), updatedAt: claimedAt } };
}

/** Shows the group as it stands: skipped when unchanged, and at most every few seconds unless `final`. */
async function refreshGroup(group: StormGroup, deps: StormDeps, final: boolean): Promise<void> {
  if (!group.slack?.ts) return;
  const message = stormGroupMessage(group);
  const hash = hashOf(message);
  if (hash === group.slack.renderedHash) return;
  const now = deps.now().toUTC();
  const last = group.slack.updatedAt;
  if (!final && last && now.diff(DateTime.fromISO(last), 'seconds').seconds < GROUP_UPDATE_SECONDS) return;
  await deps.gateway.update({ channel: group.slack.channel ?? group.channel, ts: group.slack.ts }, message);
  await deps.storms.recordRender(group.id, hash, now.toISO()!);
}

/**
 * Lists the next alerts of a storm in its thread, one reply at a time: the listing is claimed, so
 * replies never interleave or repeat. A worker that finds the listing claimed stops there, since
 * the worker holding it queues the next listing when it finishes and sees alerts still unlisted.
 * Each listed alert's Slack reference becomes the group's message, so its timeline lands in the thread.
 */
export async function listStormAlerts(groupId: string, deps: StormDeps): Promise<void> {
  const group = await deps.storms.get(groupId);
  if (!group?.slack?.ts) return;
  const threadTs = group.slack.ts;
  const pending = unlisted(group);
  if (pending.length === 0) return refreshGroup(group, deps, true);

  const now = deps.now().toUTC();
  const claimedAt = now.toISO()!;
  const claimed = await deps.storms.claimThreading(
    groupId,
    pending.slice(0, STORM_ITEMS_PER_REPLY),
    claimedAt,
    now.minus({ seconds: CLAIM_TIMEOUT_SECONDS }).toISO()!,
  );
  if (!claimed) return;
  // What is unlisted now, after the claim: never what a worker before us listed in between.
  const ids = unlisted(claimed).slice(0, STORM_ITEMS_PER_REPLY);
  const alerts = (await Promise.all(ids.map((id) => deps.alerts.get(id)))).filter((alert): alert is Alert => alert !== undefined);
  let reply;
  try {
    reply = await deps.gateway.post(group.slack.channel ?? group.channel, stormItemsMessage(alerts, claimed.threaded.length + 1, claimed.alertIds.length), {
      threadTs,
    });
  } catch (error) {
    if (slackRefused(error)) await deps.storms.releaseThreading(groupId, claimedAt);
    throw error;
  }
  await Promise.all(
    alerts.map((alert) =>
      deps.alerts.mutate(alert.id, (current) =>
        current?.slack?.storm === groupId
          ? { ...current, slack: { ...current.slack, channel: reply.channel, ts: threadTs, itemTs: reply.ts, threadedCount: current.matchCount } }
          : current,
      ),
    ),
  );
  const after = await deps.storms.finishThreading(groupId, claimedAt, ids, {
    topActors: addToTop(claimed.topActors, alerts.flatMap(alertActors)),
    topAccounts: addToTop(claimed.topAccounts, alerts.flatMap(alertAccounts)),
  });
  if (!after) return;
  const more = unlisted(after).length > 0;
  // The next listing goes straight back on the queue: the pacer spaces the posts themselves.
  if (more) await deps.notify.sendMessages([{ stormId: groupId }]);
  await refreshGroup(after, deps, !more);
}

/**
 * Shows an alert that came in a storm: the grouped message is posted if it is not yet, and the
 * alerts not yet listed are listed in its thread.
 */
export async function deliverToStorm(groupId: string, deps: StormDeps): Promise<'grouped'> {
  const group = await deps.storms.get(groupId);
  if (!group) return 'grouped';
  if (!group.slack?.ts && !(await postGroup(group, deps))) return 'grouped';
  await listStormAlerts(groupId, deps);
  return 'grouped';
}
