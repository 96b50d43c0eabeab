import type { Context } from 'aws-lambda';
import { createServices } from '../src/app/services';
import { runtimeConfigFromProcess } from '../src/config';
import { ProwlError } from '../src/errors';
import { createAthenaCompaction } from '../src/lake/athena-compaction';
import { compactedTables, runScheduledCompaction, type CompactionSummary } from '../src/lake/compaction-schedule';
import { logger } from '../src/logger';
import { workGroupScanCap } from '../src/search/athena-backend';
import { once } from '../src/once';

/** An UNLOAD is given this long; no new hour starts with less than this (and a minute) left. */
const QUERY_TIMEOUT_MS = 5 * 60_000;

const compaction = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const { search } = services.runtime;
  if (search.backend !== 'athena')
    throw new ProwlError('prowl_config_invalid', 'compact: PROWL_SEARCH_BACKEND must be athena; on a laptop run `prowl compact`');
  const maxBytes = await workGroupScanCap(services.clients.athena, search.workGroup);
  return createAthenaCompaction({
    s3: services.clients.s3,
    athena: services.clients.athena,
    bucket: services.runtime.buckets.lake,
    workGroup: search.workGroup,
    database: search.database,
    tables: compactedTables(),
    now: services.now,
    queryTimeoutMs: QUERY_TIMEOUT_MS,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
});

/** prowl-compact: hourly, rewrites closed hours of the lake as Parquet with Athena (src/lake/athena-compaction.ts). */
export const handler = async (event: unknown, context: Context): Promise<CompactionSummary> => {
  const summary = await runScheduledCompaction(
    await compaction(),
    event,
    () => context.getRemainingTimeInMillis() < QUERY_TIMEOUT_MS + 60_000,
    (message, detail) => logger.warn(message, detail),
  );
  logger.info('compaction finished', { ...summary });
  return summary;
};
