import type { AlertStore } from '../alerts/alert-store';
import type { TimelineEntry } from '../alerts/notify-queue';
import type { StormStore } from '../alerts/storm';
import { ProwlError } from '../errors';
import { slackRefused, type SlackGateway } from '../slack/gateway';
import { timelineMessage } from '../slack/storm-message';
import type { Delivery } from './deliver-alert';

/** How many posted entry ids an alert remembers; a retry comes long before this many more entries. */
const REMEMBERED_ENTRIES = 50;

export interface TimelineDeps {
  alerts: AlertStore;
  storms: StormStore;
  gateway: SlackGateway;
}

/**
 * Posts a timeline entry as a reply in the alert's thread (for an alert in a storm, the storm
 * group's). The entry id is claimed on the alert before posting, so a retried message or a
 * second worker never posts it twice; a post Slack refused gives the claim back for the retry.
 */
export async function deliverTimeline(alertId: string, entry: TimelineEntry, deps: TimelineDeps): Promise<Delivery> {
  const alert = await deps.alerts.get(alertId);
  if (!alert) return 'skipped';
  if (!alert.slack?.ts) throw new ProwlError('prowl_conflict', `alert ${alertId} has no Slack message yet; its timeline entry waits for it`);
  const claim = await deps.alerts.mutate(alertId, (current) =>
    current?.slack && !(current.slack.timeline ?? []).includes(entry.id)
      ? { ...current, slack: { ...current.slack, timeline: [...(current.slack.timeline ?? []), entry.id].slice(-REMEMBERED_ENTRIES) } }
      : current,
  );
  if (!claim.written || !claim.after?.slack?.ts) return 'skipped';
  try {
    await deps.gateway.post(claim.after.slack.channel, timelineMessage(entry), { threadTs: claim.after.slack.ts });
  } catch (error) {
    if (slackRefused(error))
      await deps.alerts.mutate(alertId, (current) =>
        current?.slack ? { ...current, slack: { ...current.slack, timeline: (current.slack.timeline ?? []).filter((id) => id !== entry.id) } } : current,
      );
    throw error;
  }
  return 'posted';
}

/** An entry about a whole storm (acknowledge all, the rule suppressed), in the group's thread; posted once. */
export async function deliverStormTimeline(stormId: string, entry: TimelineEntry, deps: TimelineDeps): Promise<Delivery> {
  const group = await deps.storms.get(stormId);
  if (!group) return 'skipped';
  if (!group.slack?.ts) throw new ProwlError('prowl_conflict', `storm ${stormId} has no Slack message yet; its timeline entry waits for it`);
  if (group.timeline.includes(entry.id) || !(await deps.storms.claimTimeline(stormId, entry.id))) return 'skipped';
  await deps.gateway.post(group.slack.channel ?? group.channel, timelineMessage(entry), { threadTs: group.slack.ts });
  return 'posted';
}
