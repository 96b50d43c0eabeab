import { runtimeConfigFromProcess } from '../src/config';
import { ProwlError } from '../src/errors';
import { jobSchema } from '../src/jobs/job';
import { runJob } from '../src/jobs/run-job';
import { createScanRunner } from '../src/jobs/run-scan';
import { createScanClientFactory } from '../src/scan/scan-clients';
import { STSClient } from '@aws-sdk/client-sts';
import { athenaSearch, duckDbOverS3Search } from '../src/jobs/search-service';
import { once } from '../src/once';
import { createSearchCatalog } from '../src/search';
import { createServices, createSlackGateway } from '../src/services';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const { search } = services.runtime;
  // Custom log types from prowl.config.yml are searchable like the built-in ones.
  const catalog = createSearchCatalog(services.logTypes.all());
  const scan = { sts: new STSClient({ region: services.runtime.region }), clients: createScanClientFactory() };
  return {
    alerts: services.alerts,
    scan: createScanRunner(services.scanPlan, { ...services, scan }),
    gateway: await createSlackGateway(services),
    search:
      search.backend === 'athena'
        ? athenaSearch({ athena: services.clients.athena, workGroup: search.workGroup, database: search.database, searchCatalog: catalog })
        : duckDbOverS3Search({ s3: services.clients.s3, bucket: services.runtime.buckets.lake, searchCatalog: catalog }),
  };
});

function parseJob(body: string) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ProwlError('prowl_bad_input', 'job message is not JSON');
  }
  const job = jobSchema.safeParse(json);
  if (!job.success) throw new ProwlError('prowl_bad_input', `not a job Prowl knows: ${job.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return job.data;
}

/** prowl-jobs: slow work asked for from Slack (searches, "Show events"), answered in the channel. */
export const handler = sqsBatchHandler('jobs', async (record) => runJob(parseJob(record.body), await deps()));
