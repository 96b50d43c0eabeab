import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { ProwlError } from '../errors';

/** The notify queue's message: which alert to show (again) in Slack. */
export const notifyMessageSchema = z.object({ alertId: z.string().min(1) }).strict();
export type NotifyMessage = z.infer<typeof notifyMessageSchema>;

export interface NotifyQueue {
  /** `delaySeconds` lets a burst of updates to one alert collapse into one Slack update. */
  send(alertIds: readonly string[], options?: { delaySeconds?: number }): Promise<void>;
}

const SQS_BATCH = 10;

export function sqsNotifyQueue(options: { sqs: SQSClient; queueUrl: string }): NotifyQueue {
  return {
    async send(alertIds, delivery = {}) {
      const unique = [...new Set(alertIds)];
      for (let i = 0; i < unique.length; i += SQS_BATCH) {
        const chunk = unique.slice(i, i + SQS_BATCH);
        const result = await options.sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: options.queueUrl,
            Entries: chunk.map((alertId, n) => ({
              Id: String(n),
              MessageBody: JSON.stringify({ alertId } satisfies NotifyMessage),
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
    },
  };
}
