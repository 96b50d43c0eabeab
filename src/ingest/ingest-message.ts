import { logger } from '../logger';
import { ingestObject, type IngestDeps, type IngestSummary } from './ingest-object';
import { objectsInNotification } from './s3-notification';

/** One ingest queue message: every object its S3 notification names. */
export async function ingestMessage(body: string, deps: IngestDeps): Promise<IngestSummary[]> {
  const summaries: IngestSummary[] = [];
  for (const ref of objectsInNotification(body)) {
    const summary = await ingestObject(ref, deps);
    logger.info('ingested object', { ...summary });
    if (summary.quarantined > 0) logger.warn('quarantined records', { bucket: summary.bucket, key: summary.key, quarantined: summary.quarantined, quarantineKey: summary.quarantineKey });
    summaries.push(summary);
  }
  return summaries;
}
