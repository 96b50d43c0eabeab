import { runtimeConfigFromProcess } from '../src/config';
import { jobSchema } from '../src/jobs/job';
import { runJob } from '../src/jobs/run-job';
import { once } from '../src/once';
import { readMessage } from '../src/queue-message';
import { createScanRunners, createSearchService } from '../src/app/scan-and-search';
import { createServices, createSlackGateway } from '../src/app/services';
import { postDigests } from '../src/notify/post-digests';
import { createDynamoDigestLedger } from '../src/store/dynamo-digest-ledger';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const gateway = await createSlackGateway(services);
  const ledger = createDynamoDigestLedger({ ddb: services.clients.ddb, table: services.runtime.tables.settings });
  return {
    ...createScanRunners(services),
    alerts: services.alerts,
    audit: services.audit,
    now: services.now,
    gateway,
    search: createSearchService(services),
    digest: () => postDigests({ ...services, gateway, ledger }),
  };
});

/** prowl-jobs: slow work asked for from Slack (searches, "Show events", the digest now), answered in the channel. */
export const handler = sqsBatchHandler('jobs', async (record) =>
  runJob(readMessage(record.body, jobSchema, 'jobs', 'a job Prowl knows (search, show-events, sql, scan, rescan, digest)'), await deps()),
);
