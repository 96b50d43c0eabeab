import { DateTime } from 'luxon';
import type { Alert } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import { routeAlert } from '../alerts/routing';
import type { ConfigFile, TeamConfig } from '../config';
import { ProwlError } from '../errors';
import { alertMessage } from './alert-message';
import type { SlackGateway } from './gateway';

/** A claim without a posted message is abandoned after this long (the worker died mid-post). */
const CLAIM_TIMEOUT_SECONDS = 120;

export interface DeliverDeps {
  alerts: AlertStore;
  gateway: SlackGateway;
  config: Pick<ConfigFile, 'slack'>;
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

export type Delivery = 'posted' | 'updated' | 'skipped';

function claimable(alert: Alert, now: DateTime): boolean {
  if (!alert.slack) return true;
  if (alert.slack.ts) return false;
  return now.diff(DateTime.fromISO(alert.slack.claimedAt), 'seconds').seconds > CLAIM_TIMEOUT_SECONDS;
}

/**
 * Shows an alert in Slack: posts it once, then updates that message in place. The post is claimed
 * with a conditional write first, so two notify workers never both post; a failed post releases
 * the claim so the retry can post.
 */
export async function deliverAlert(alertId: string, deps: DeliverDeps): Promise<Delivery> {
  const current = await deps.alerts.get(alertId);
  if (!current || current.status === 'PENDING') return 'skipped';
  if (current.slack?.ts) {
    await deps.gateway.update({ channel: current.slack.channel, ts: current.slack.ts }, alertMessage(current));
    return 'updated';
  }

  const now = deps.now();
  const channel = routeAlert(current, { teams: await deps.teams(), slack: deps.config.slack }).channel;
  const claimedAt = now.toUTC().toISO()!;
  const claim = await deps.alerts.mutate(alertId, (alert) =>
    alert && claimable(alert, now) ? { ...alert, slack: { channel, claimedAt } } : alert,
  );
  if (!claim.written || !claim.after) {
    // Someone else holds the claim. If they finished, show the latest state; if not, try later.
    if (claim.after?.slack?.ts) return deliverAlert(alertId, deps);
    throw new ProwlError('prowl_conflict', `alert ${alertId} is being posted by another worker; will retry`);
  }

  let ref;
  try {
    ref = await deps.gateway.post(channel, alertMessage(claim.after));
  } catch (error) {
    await deps.alerts.mutate(alertId, (alert) => {
      if (!alert?.slack || alert.slack.ts || alert.slack.claimedAt !== claimedAt) return alert;
      const { slack: _released, ...rest } = alert;
      return rest;
    });
    throw error;
  }
  await deps.alerts.mutate(alertId, (alert) => alert && { ...alert, slack: { channel: ref.channel, ts: ref.ts, claimedAt } });
  return 'posted';
}
