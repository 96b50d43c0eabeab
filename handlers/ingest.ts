import { runtimeConfigFromProcess } from '../src/config';
import { createDetectionSetup } from '../src/ingest/detection-setup';
import { ingestMessage } from '../src/ingest/ingest-message';
import { addIngestCounts, functionMetrics } from '../src/metrics';
import { logger } from '../src/logger';
import { once } from '../src/once';
import { createServices } from '../src/app/services';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(() => {
  const services = createServices(runtimeConfigFromProcess());
  const detection = createDetectionSetup({
    rules: services.rules,
    settings: services.settings,
    detectionSettings: services.config.detections,
    timeBudgetMs: services.config.options.ruleTimeBudgetMs,
    now: services.now,
    warn: (message) => logger.warn(message),
  });
  return { ...services, s3: services.clients.s3, buckets: services.runtime.buckets, detection, metrics: functionMetrics(services.runtime, 'ingest') };
});

/** prowl-ingest: S3 notifications → parse, write the lake, detect, alert. */
export const handler = sqsBatchHandler(
  'ingest',
  async (record) => {
    const summaries = await ingestMessage(record.body, deps());
    summaries.forEach((summary) => addIngestCounts(deps().metrics, summary));
    return summaries;
  },
  () => deps().metrics,
);
