import { runtimeConfigFromProcess } from '../src/config';
import { jobSchema } from '../src/jobs/job';
import { runJob } from '../src/jobs/run-job';
import { once } from '../src/once';
import { readMessage } from '../src/queue-message';
import { createScanRunners, createSearchService } from '../src/app/scan-and-search';
import { createServices, createSlackGateway } from '../src/app/services';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  return {
    ...createScanRunners(services),
    alerts: services.alerts,
    audit: services.audit,
    now: services.now,
    gateway: await createSlackGateway(services),
    search: createSearchService(services),
  };
});

/** prowl-jobs: slow work asked for from Slack (searches, "Show events"), answered in the channel. */
export const handler = sqsBatchHandler('jobs', async (record) =>
  runJob(readMessage(record.body, jobSchema, 'jobs', 'a job Prowl knows (search, show-events, sql, scan, rescan)'), await deps()),
);
