import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { notifyMessageSchema } from '../alerts/notify-queue';
import { readMessage } from '../queue-message';
import { isProwlError } from '../errors';
import { deliverAlert, type DeliverDeps, type Delivery } from './deliver-alert';
import { runFollowUps, type FollowUpDeps } from './follow-ups';

export type NotifyRecordDeps = DeliverDeps &
  FollowUpDeps & {
    sqs: SQSClient;
    queueUrl: string;
  };

/**
 * Delivers the alert a notify message names, then its follow-ups (asking the actor, telling the
 * thread), which a retried message picks up where they stopped. When Slack answers 429, the message goes back to the
 * queue and becomes visible again after Slack's Retry-After: no sleeping in Lambda, nothing lost.
 */
export async function notifyRecord(record: Pick<SQSRecord, 'body' | 'receiptHandle'>, deps: NotifyRecordDeps): Promise<Delivery> {
  const { alertId } = readMessage(record.body, notifyMessageSchema, 'notify', '{"alertId": "<id>"}');
  try {
    const delivery = await deliverAlert(alertId, deps);
    await runFollowUps(alertId, deps);
    return delivery;
  } catch (error) {
    if (isProwlError(error, 'prowl_slack_rate_limited')) {
      const wait = Math.min(Math.max(error.retryAfterSeconds ?? 1, 1), 900);
      await deps.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: wait }));
    }
    throw error;
  }
}
