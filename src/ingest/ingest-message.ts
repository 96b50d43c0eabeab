import { isProwlError } from '../errors';
import { parseMessageJson, validateMessage } from '../queue-message';
import { sourceFailingGroup } from '../alerts/match-groups';
import { recordMatchGroups } from '../alerts/record-matches';
import { resolveSource } from '../logs/sources';
import { logger } from '../logger';
import { eventBridgeDelivery, eventBridgeEventSchema, isEventBridgeEvent } from './eventbridge';
import { ingestObject, type IngestDeps, type IngestSummary } from './ingest-object';
import { objectsInNotification, type ObjectRef } from './s3-notification';

/**
 * One ingest queue message: an S3 notification (every object it names), or an EventBridge event
 * (CloudTrail API calls or GuardDuty findings forwarded in real time), which is its own record.
 */
export async function ingestMessage(body: string, deps: IngestDeps): Promise<IngestSummary[]> {
  const json = parseMessageJson(body, 'ingest', 'an S3 event notification or an EventBridge event');
  if (isEventBridgeEvent(json)) return [await ingestEventBridge(body, json, deps)];

  const summaries: IngestSummary[] = [];
  for (const ref of objectsInNotification(json)) {
    try {
      const summary = await ingestObject(ref, deps);
      report(summary);
      summaries.push(summary);
    } catch (error) {
      if (isProwlError(error, 'prowl_object_unreadable')) await alertSourceFailing(ref, error.message, deps);
      throw error;
    }
  }
  return summaries;
}

/**
 * Tells the ops channel that a source cannot be read. The record still fails (and is retried,
 * then kept in the DLQ); the alert counts failures per source within its window, so a source
 * that keeps failing is one alert, not one per object.
 */
async function alertSourceFailing(ref: ObjectRef, reason: string, deps: IngestDeps): Promise<void> {
  const now = deps.now();
  const source = resolveSource(deps.config.sources, deps.buckets.raw, ref.bucket, ref.key, deps.logTypes);
  const name = source ? `${source.label} (s3://${source.id})` : `s3://${ref.bucket}`;
  const group = sourceFailingGroup(name, reason, now.toUTC().toISO()!);
  const batchId = `source-failing:${ref.bucket}/${ref.key}@${ref.version}`;
  const { notify, failures } = await recordMatchGroups(deps.alerts, [group], { batchId, now, sampleLimit: 0 });
  await deps.notify.send(notify.map((alert) => alert.id));
  if (failures[0]) throw failures[0].error;
}

async function ingestEventBridge(body: string, json: unknown, deps: IngestDeps): Promise<IngestSummary> {
  const event = validateMessage(json, eventBridgeEventSchema, 'ingest', 'an EventBridge event');
  const { ref, source } = eventBridgeDelivery(event);
  const summary = await ingestObject(ref, deps, { body: Buffer.from(body), source });
  report(summary);
  return summary;
}

function report(summary: IngestSummary): void {
  logger.info('ingested object', { ...summary });
  if (summary.quarantined > 0)
    logger.warn('quarantined records', { bucket: summary.bucket, key: summary.key, quarantined: summary.quarantined, quarantineKey: summary.quarantineKey });
}
