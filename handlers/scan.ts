import type { ScheduledEvent } from 'aws-lambda';
import type { ScanOutcome } from '../src/alerts/policy-alerts';
import { createScanRunners } from '../src/app/scan-and-search';
import { createServices } from '../src/app/services';
import { runtimeConfigFromProcess } from '../src/config';
import { logger } from '../src/logger';
import { once } from '../src/once';

const runners = once(() => createScanRunners(createServices(runtimeConfigFromProcess())));

/** prowl-scan: the daily cloud-security scan of every configured account and region. */
export const handler = async (_event: ScheduledEvent): Promise<ScanOutcome> => {
  const outcome = await runners().scan({});
  logger.info('scan finished', {
    opened: outcome.opened.length,
    resolved: outcome.resolved.length,
    stillFailing: outcome.stillFailing.length,
    suppressed: outcome.suppressed,
    collectionErrors: outcome.collectionErrors,
    policyErrors: outcome.policyErrors,
  });
  return outcome;
};
