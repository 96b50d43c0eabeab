import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Alert, SlackRef } from '../alerts/alert';
import { numberAlert } from '../alerts/alert-number';
import { routeAlert, teamFor } from '../alerts/routing';
import type { ConfigFile, TeamConfig } from '../config';
import { ProwlError } from '../errors';
import { alertMessage, assignedMessage, moreMatchesMessage } from '../slack/alert-message';
import type { SlackMessage } from '../slack/message';
import { slackRefused } from '../slack/gateway';
import { deliverToStorm, joinStorm, type StormDeps } from './storm-delivery';

/** A claim without a posted message is abandoned after this long (the worker died mid-post). */
const CLAIM_TIMEOUT_SECONDS = 120;

/** A storm's needs, plus where an alert goes (the routing config and the teams as they stand). */
export interface DeliverDeps extends StormDeps {
  config: Pick<ConfigFile, 'slack' | 'options'>;
  teams(): Promise<TeamConfig[]>;
}

/** `grouped`: the alert came in a storm and is listed in the storm's thread (src/notify/storm-delivery.ts). */
export type Delivery = 'posted' | 'updated' | 'skipped' | 'grouped';

function renderedHash(message: SlackMessage): string {
  return createHash('sha256').update(JSON.stringify(message)).digest('hex').slice(0, 16);
}

/**
 * Shows an already-posted alert as it stands now. Unchanged renders are skipped (so a burst of
 * notify messages costs one chat.update), and matches since the last look get one thread reply
 * with the newest event, claimed first so two workers never both post it.
 */
async function refresh(alert: Alert & { slack: SlackRef & { ts: string } }, deps: DeliverDeps): Promise<Delivery> {
  const ref = { channel: alert.slack.channel, ts: alert.slack.ts };
  const message = alertMessage(alert);
  const hash = renderedHash(message);
  if (hash !== alert.slack.renderedHash) {
    await deps.gateway.update(ref, message);
    await deps.alerts.mutate(alert.id, (a) => (a?.slack ? { ...a, slack: { ...a.slack, renderedHash: hash } } : a));
  }
  const told = alert.slack.threadedCount ?? alert.matchCount;
  if (alert.matchCount > told) {
    const claim = await deps.alerts.mutate(alert.id, (a) =>
      a?.slack && (a.slack.threadedCount ?? 0) < a.matchCount ? { ...a, slack: { ...a.slack, threadedCount: a.matchCount } } : a,
    );
    if (claim.written && claim.after)
      await deps.gateway.post(ref.channel, moreMatchesMessage(claim.after, claim.after.matchCount - told), { threadTs: ref.ts });
  }
  return hash === alert.slack.renderedHash ? 'skipped' : 'updated';
}

function claimable(alert: Alert, now: DateTime): boolean {
  if (!alert.slack) return true;
  if (alert.slack.ts) return false;
  return now.diff(DateTime.fromISO(alert.slack.claimedAt), 'seconds').seconds > CLAIM_TIMEOUT_SECONDS;
}

/** Sends the assignee a DM, once per assignment, claimed first like the thread replies. Taking an alert yourself sends none. */
async function tellAssignee(alertId: string, deps: DeliverDeps): Promise<void> {
  const claim = await deps.alerts.mutate(alertId, (alert) =>
    alert?.slack?.ts && alert.assignee && alert.assignedAt && alert.slack.toldAssignment !== alert.assignedAt
      ? { ...alert, slack: { ...alert.slack, toldAssignment: alert.assignedAt } }
      : alert,
  );
  const alert = claim.after;
  if (!claim.written || !alert?.assignee || alert.assignee === alert.assignedBy) return;
  await deps.gateway.directMessage(alert.assignee, assignedMessage(alert));
}

/**
 * Shows an alert in Slack: posts it once, then updates that message in place. The post is claimed
 * with a conditional write first, so two notify workers never both post; a post Slack refused
 * releases the claim so the retry can post, one that timed out keeps it until it expires.
 */
export async function deliverAlert(alertId: string, deps: DeliverDeps): Promise<Delivery> {
  const delivery = await show(alertId, deps);
  // A DM to a new assignee hangs off the posted message; most deliveries have none waiting.
  const shown = await deps.alerts.get(alertId);
  if (shown?.slack?.ts && shown.assignee && shown.slack.toldAssignment !== shown.assignedAt) await tellAssignee(alertId, deps);
  return delivery;
}

async function show(alertId: string, deps: DeliverDeps): Promise<Delivery> {
  const found = await deps.alerts.get(alertId);
  if (!found || found.status === 'PENDING') return 'skipped';
  const current = await numberAlert(deps.alerts, found);
  // An alert in a storm has no message of its own: the group's shows it (and its count).
  if (current.slack?.storm) return deliverToStorm(current.slack.storm, deps);
  if (current.slack?.ts) return refresh(current as Alert & { slack: SlackRef & { ts: string } }, deps);

  const now = deps.now();
  const teams = await deps.teams();
  const channel = routeAlert(current, { teams, slack: deps.config.slack }).channel;
  const storm = await joinStorm(current, channel, teamFor(current, teams), deps);
  const claimedAt = now.toUTC().toISO()!;
  const claim = await deps.alerts.mutate(alertId, (alert) =>
    alert && claimable(alert, now) ? { ...alert, slack: { channel, claimedAt, ...(storm ? { storm: storm.id } : {}) } } : alert,
  );
  if (storm && claim.after?.slack?.storm) return deliverToStorm(claim.after.slack.storm, deps);
  if (!claim.written || !claim.after) {
    // Someone else holds the claim. If they finished, show the latest state; if not, try later.
    if (claim.after?.slack?.ts || claim.after?.slack?.storm) return show(alertId, deps);
    throw new ProwlError('prowl_conflict', `alert ${alertId} is being posted by another worker; will retry`);
  }

  let ref;
  const message = alertMessage(claim.after);
  try {
    ref = await deps.gateway.post(channel, message);
  } catch (error) {
    // A post that timed out may have landed: the claim stays until it expires, so the retry does not
    // post a second copy at once. A post Slack refused released the claim for the retry.
    if (!slackRefused(error)) throw error;
    await deps.alerts.mutate(alertId, (alert) => {
      if (!alert?.slack || alert.slack.ts || alert.slack.claimedAt !== claimedAt) return alert;
      const { slack: _released, ...rest } = alert;
      return rest;
    });
    throw error;
  }
  const posted = claim.after;
  await deps.alerts.mutate(
    alertId,
    (alert) =>
      alert && { ...alert, slack: { channel: ref.channel, ts: ref.ts, claimedAt, renderedHash: renderedHash(message), threadedCount: posted.matchCount } },
  );
  return 'posted';
}
