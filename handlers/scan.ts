import { STSClient } from '@aws-sdk/client-sts';
import type { ScheduledEvent } from 'aws-lambda';
import { runtimeConfigFromProcess } from '../src/config';
import { createScanRunner } from '../src/scan/run-scan';
import { logger } from '../src/logger';
import { once } from '../src/once';
import { createScanClientFactory } from '../src/scan/scan-clients';
import { createServices } from '../src/app/services';
import type { ScanOutcome } from '../src/alerts/policy-alerts';

const scan = once(() => {
  const services = createServices(runtimeConfigFromProcess());
  return createScanRunner(
    services.scanPlan,
    { ...services, scan: { sts: new STSClient({ region: services.runtime.region }), clients: createScanClientFactory() } },
    (message) => logger.warn(message),
  );
});

/** prowl-scan: the daily cloud-security scan of every configured account and region. */
export const handler = async (_event: ScheduledEvent): Promise<ScanOutcome> => {
  const outcome = await scan()({});
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
