import { runtimeConfigFromProcess } from '../src/config';
import { createDetectionSetup } from '../src/ingest/detection-setup';
import { ingestMessage } from '../src/ingest/ingest-message';
import { once } from '../src/once';
import { createServices } from '../src/services';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(() => {
  const services = createServices(runtimeConfigFromProcess());
  const detection = createDetectionSetup({ rules: services.rules, settings: services.settings, timeBudgetMs: services.config.options.ruleTimeBudgetMs, now: services.now });
  return { ...services, s3: services.clients.s3, buckets: services.runtime.buckets, detection };
});

/** prowl-ingest: S3 notifications → parse, write the lake, detect, alert. */
export const handler = sqsBatchHandler('ingest', (record) => ingestMessage(record.body, deps()));
