import { ingestMessage } from '../src/ingest/ingest-message';
import { once } from '../src/once';
import { createPackEngine, createServices } from '../src/services';
import { runtimeConfigFromProcess } from '../src/config';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(() => {
  const services = createServices(runtimeConfigFromProcess());
  return { ...services, s3: services.clients.s3, buckets: services.runtime.buckets, engine: createPackEngine(services.config) };
});

/** prowl-ingest: S3 notifications → parse, detect, alert. */
export const handler = sqsBatchHandler('ingest', (record) => ingestMessage(record.body, deps()));
