import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { notifyMessageSchema, type NotifyMessage } from '../alerts/notify-queue';
import { readMessage } from '../queue-message';
import { isProwlError } from '../errors';
import { deliverAlert, type DeliverDeps, type Delivery } from './deliver-alert';
import { deliverStormTimeline, deliverTimeline } from './deliver-timeline';
import { runFollowUps, type FollowUpDeps } from './follow-ups';
import { listStormAlerts } from './storm-delivery';

export type NotifyRecordDeps = DeliverDeps &
  FollowUpDeps & {
    sqs: SQSClient;
    queueUrl: string;
  };

async function deliver(message: NotifyMessage, deps: NotifyRecordDeps): Promise<Delivery> {
  if ('timeline' in message)
    return 'alertId' in message ? deliverTimeline(message.alertId, message.timeline, deps) : deliverStormTimeline(message.stormId, message.timeline, deps);
  if ('stormId' in message) {
    await listStormAlerts(message.stormId, deps);
    return 'grouped';
  }
  const delivery = await deliverAlert(message.alertId, deps);
  await runFollowUps(message.alertId, deps);
  return delivery;
}

/**
 * Delivers what a notify message names: an alert (then its follow-ups: asking the actor, telling
 * the thread, which a retried message picks up where they stopped), a timeline entry, a storm's
 * next listing. When Slack answers 429, the message goes back to the
 * queue and becomes visible again after Slack's Retry-After: no sleeping in Lambda, nothing lost.
 */
export async function notifyRecord(record: Pick<SQSRecord, 'body' | 'receiptHandle'>, deps: NotifyRecordDeps): Promise<Delivery> {
  const message = readMessage(record.body, notifyMessageSchema, 'notify', '{"alertId": "<id>"}, with "timeline": {…}, or {"stormId": "<id>"}');
  try {
    return await deliver(message, deps);
  } catch (error) {
    if (isProwlError(error, 'prowl_slack_rate_limited')) {
      const wait = Math.min(Math.max(error.retryAfterSeconds ?? 1, 1), 900);
      await deps.sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: deps.queueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: wait }));
    }
    throw error;
  }
}
