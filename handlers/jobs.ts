import { runtimeConfigFromProcess } from '../src/config';
import { jobSchema } from '../src/jobs/job';
import { runJob } from '../src/jobs/run-job';
import { createRescanRunner, createScanRunner } from '../src/scan/run-scan';
import { createScanClientFactory } from '../src/scan/scan-clients';
import { STSClient } from '@aws-sdk/client-sts';
import { athenaSearch, duckDbOverS3Search } from '../src/search/search-service';
import { compactedHoursIn } from '../src/lake/compacted-hours';
import { s3LakeStorage } from '../src/lake/lake-storage';
import { logger } from '../src/logger';
import { once } from '../src/once';
import { readMessage } from '../src/queue-message';
import { createSearchCatalog } from '../src/search';
import { createServices, createSlackGateway } from '../src/app/services';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const { search } = services.runtime;
  // Custom log types from prowl.config.yml are searchable like the built-in ones.
  const catalog = createSearchCatalog(services.logTypes.all());
  const scan = { sts: new STSClient({ region: services.runtime.region }), clients: createScanClientFactory() };
  return {
    alerts: services.alerts,
    audit: services.audit,
    now: services.now,
    scan: createScanRunner(services.scanPlan, { ...services, scan }, (message) => logger.warn(message)),
    rescan: createRescanRunner(services.scanPlan, { ...services, scan }),
    gateway: await createSlackGateway(services),
    search:
      search.backend === 'athena'
        ? athenaSearch({
            athena: services.clients.athena,
            workGroup: search.workGroup,
            database: search.database,
            searchCatalog: catalog,
            now: services.now,
            // Compacted hours are read from the Parquet tables: which ones, the markers in the lake bucket say.
            compactedHours: (tables, range) => compactedHoursIn(s3LakeStorage(services.clients.s3, services.runtime.buckets.lake), tables, range),
          })
        : duckDbOverS3Search({ s3: services.clients.s3, bucket: services.runtime.buckets.lake, searchCatalog: catalog, now: services.now }),
  };
});

/** prowl-jobs: slow work asked for from Slack (searches, "Show events"), answered in the channel. */
export const handler = sqsBatchHandler('jobs', async (record) =>
  runJob(readMessage(record.body, jobSchema, 'jobs', 'a job Prowl knows (search, show-events, sql, scan, rescan)'), await deps()),
);
