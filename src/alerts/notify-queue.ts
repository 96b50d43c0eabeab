import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { ProwlError } from '../errors';

export const TIMELINE_KINDS = [
  'acknowledged',
  'unacknowledged',
  'resolved',
  'suppressed',
  'reopened',
  'assigned',
  'escalated',
  'confirmed',
  'denied',
  'note',
  'acknowledged-all',
] as const;

/** One line of an alert's (or a storm group's) timeline, posted in its thread; the audit trail stays the record. */
export const timelineEntrySchema = z
  .object({
    /** Deterministic (src/alerts/timeline.ts), so a retried entry is recognised and posted once. */
    id: z.string().min(1).max(100),
    kind: z.enum(TIMELINE_KINDS),
    /** A Slack user id, or who else acted (`local`, `prowl`). */
    actor: z.string().min(1).max(200),
    at: z.iso.datetime({ offset: true }),
    /** Free text from a person (a resolve note, a `/prowl note`); escaped when rendered. */
    text: z.string().max(3000).optional(),
  })
  .strict();
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * The notify queue's messages: show an alert (again) in Slack; post a timeline entry in an alert's
 * thread; list a storm group's next alerts in its thread; post an entry in a storm group's thread.
 */
export const notifyMessageSchema = z.union([
  z.object({ alertId: z.string().min(1) }).strict(),
  z.object({ alertId: z.string().min(1), timeline: timelineEntrySchema }).strict(),
  z.object({ stormId: z.string().min(1) }).strict(),
  z.object({ stormId: z.string().min(1), timeline: timelineEntrySchema }).strict(),
]);
export type NotifyMessage = z.infer<typeof notifyMessageSchema>;

export interface NotifyQueue {
  /** `delaySeconds` lets a burst of updates to one alert collapse into one Slack update. */
  send(alertIds: readonly string[], options?: { delaySeconds?: number }): Promise<void>;
  /** Any notify message: timeline entries, a storm group's next listing. */
  sendMessages(messages: readonly NotifyMessage[], options?: { delaySeconds?: number }): Promise<void>;
}

const SQS_BATCH = 10;

export function sqsNotifyQueue(options: { sqs: SQSClient; queueUrl: string }): NotifyQueue {
  async function sendMessages(messages: readonly NotifyMessage[], delivery: { delaySeconds?: number } = {}): Promise<void> {
    const unique = [...new Set(messages.map((message) => JSON.stringify(notifyMessageSchema.parse(message))))];
    for (let i = 0; i < unique.length; i += SQS_BATCH) {
      const chunk = unique.slice(i, i + SQS_BATCH);
      const result = await options.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: chunk.map((body, n) => ({
            Id: String(n),
            MessageBody: body,
            ...(delivery.delaySeconds ? { DelaySeconds: delivery.delaySeconds } : {}),
          })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        throw new ProwlError(
          'prowl_internal',
          `could not enqueue ${result.Failed.length} notify message(s): ${result.Failed.map((f) => f.Message ?? f.Code).join('; ')}`,
        );
      }
    }
  }
  return {
    send: (alertIds, delivery) =>
      sendMessages(
        alertIds.map((alertId) => ({ alertId })),
        delivery,
      ),
    sendMessages,
  };
}
