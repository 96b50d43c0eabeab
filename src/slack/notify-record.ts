import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { notifyMessageSchema } from '../alerts/notify-queue';
import { isProwlError, ProwlError } from '../errors';
import { deliverAlert, type DeliverDeps, type Delivery } from './deliver-alert';

export interface NotifyRecordDeps extends DeliverDeps {
  sqs: SQSClient;
  queueUrl: string;
}

/**
 * Delivers the alert a notify message names. When Slack answers 429, the message goes back to the
 * queue and becomes visible again after Slack's Retry-After: no sleeping in Lambda, nothing lost.
 */
export async function notifyRecord(record: Pick<SQSRecord, 'body' | 'receiptHandle'>, deps: NotifyRecordDeps): Promise<Delivery> {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    throw new ProwlError('prowl_bad_input', 'notify message is not JSON; expected {"alertId": "…"}');
  }
  const message = notifyMessageSchema.safeParse(json);
  if (!message.success) throw new ProwlError('prowl_bad_input', 'notify message must be {"alertId": "<id>"}');
  try {
    return await deliverAlert(message.data.alertId, deps);
  } catch (error) {
    if (isProwlError(error, 'prowl_slack_rate_limited')) {
      const wait = Math.min(Math.max(error.retryAfterSeconds ?? 1, 1), 900);
      await deps.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: wait }));
    }
    throw error;
  }
}
