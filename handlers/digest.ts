import type { ScheduledEvent } from 'aws-lambda';
import { runtimeConfigFromProcess } from '../src/config';
import { logger } from '../src/logger';
import { once } from '../src/once';
import { createServices, createSlackGateway } from '../src/app/services';
import { postDigests, type DigestOutcome } from '../src/notify/post-digests';
import { createDynamoDigestLedger } from '../src/store/dynamo-digest-ledger';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  return {
    ...services,
    gateway: await createSlackGateway(services),
    ledger: createDynamoDigestLedger({ ddb: services.clients.ddb, table: services.runtime.tables.settings }),
  };
});

/** prowl-digest: the daily digest in each team's channel and the default channel, once per channel and day. */
export const handler = async (_event: ScheduledEvent): Promise<DigestOutcome> => {
  const outcome = await postDigests(await deps());
  logger.info('digest finished', { posted: outcome.posted.length, alreadyPosted: outcome.alreadyPosted.length });
  return outcome;
};
