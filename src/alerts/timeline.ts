import { createHash } from 'node:crypto';
import type { NotifyQueue, TimelineEntry } from './notify-queue';

export type { TimelineEntry };

/** What a caller says happened; the entry's id is derived from it. */
export type TimelineEvent = Omit<TimelineEntry, 'id'>;

/** The same event always gets the same id, so a retried use case (or a retried notify message) posts it once. */
export function timelineEntryId(subject: string, event: TimelineEvent): string {
  return createHash('sha256')
    .update([subject, event.kind, event.actor, event.at, event.text ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 24);
}

/**
 * The alert's timeline in Slack: each state change, escalation, confirmation or note becomes a reply
 * in the alert's thread (for an alert that came in a storm, the storm group's thread). Entries go
 * through the notify queue, so they are posted in order with the message's other updates, paced
 * like every post, and once under retries. The audit trail remains the record; this is the view.
 */
export interface Timeline {
  add(alertId: string, event: TimelineEvent): Promise<void>;
  /** An entry about a whole storm group (acknowledge all, suppress the rule), in the group's thread. */
  addToStorm(stormId: string, event: TimelineEvent): Promise<void>;
}

export function createTimeline(queue: Pick<NotifyQueue, 'sendMessages'>): Timeline {
  return {
    add: (alertId, event) => queue.sendMessages([{ alertId, timeline: { ...event, id: timelineEntryId(alertId, event) } }]),
    addToStorm: (stormId, event) => queue.sendMessages([{ stormId, timeline: { ...event, id: timelineEntryId(stormId, event) } }]),
  };
}
