import { z } from 'zod';
import type { ResolvedSource } from '../logs/sources';
import { logTypeByName } from '../logs/registry';
import type { ObjectRef } from './s3-notification';

/** An EventBridge event as a rule delivers it to SQS: the envelope, with the record in `detail`. */
export const eventBridgeEventSchema = z.object({
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  detail: z.record(z.string(), z.unknown()),
});

export type EventBridgeEvent = z.infer<typeof eventBridgeEventSchema>;

/** The detail-types a specific log type reads; every other event is kept whole as AWS.CloudWatchEvents. */
const LOG_TYPE_BY_DETAIL_TYPE: Record<string, string> = {
  'AWS API Call via CloudTrail': 'AWS.CloudTrail',
  'AWS Console Sign In via CloudTrail': 'AWS.CloudTrail',
  'AWS Service Event via CloudTrail': 'AWS.CloudTrail',
  'AWS Insight via CloudTrail': 'AWS.CloudTrailInsight',
  'GuardDuty Finding': 'AWS.GuardDuty',
};
const ANY_EVENT = 'AWS.CloudWatchEvents';

export function isEventBridgeEvent(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'detail-type' in json && 'detail' in json;
}

/**
 * Where an EventBridge event goes through ingestion: a source named after the event's origin
 * (`p_source_label` = eventbridge:aws.cloudtrail) and a reference standing in for the object, so
 * its lake rows, quarantine lines and alert batch are keyed by the event id and a redelivery
 * repeats rather than duplicates. A detail-type no specific log type reads is kept whole as
 * AWS.CloudWatchEvents.
 */
export function eventBridgeDelivery(event: EventBridgeEvent): { ref: ObjectRef; source: ResolvedSource } {
  const ref = { bucket: 'eventbridge', key: `${event.source}/${event.id}`, version: event.id };
  const logType = LOG_TYPE_BY_DETAIL_TYPE[event['detail-type']] ?? ANY_EVENT;
  return { ref, source: { id: `eventbridge/${event.source}`, label: `eventbridge:${event.source}`, logTypes: [logTypeByName(logType)] } };
}
