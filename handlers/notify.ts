import { isProwlError } from '../src/errors';
import { functionMetrics } from '../src/metrics';
import { once } from '../src/once';
import { createFollowUpDeps, createPacedSlackGateway, createServices } from '../src/app/services';
import { notifyRecord } from '../src/notify/notify-record';
import { runtimeConfigFromProcess } from '../src/config';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const gateway = await createPacedSlackGateway(services);
  return {
    ...(await createFollowUpDeps(services, gateway)),
    ...services,
    gateway,
    sqs: services.clients.sqs,
    queueUrl: services.runtime.queues.notify,
    metrics: functionMetrics(services.runtime, 'notify'),
  };
});

/** prowl-notify: post or update the alert's Slack message. */
export const handler = sqsBatchHandler(
  'notify',
  async (record) => {
    const d = await deps();
    try {
      return await notifyRecord(record, d);
    } catch (error) {
      if (isProwlError(error, 'prowl_slack_failed') || isProwlError(error, 'prowl_slack_rate_limited')) d.metrics.add('SlackErrors');
      throw error;
    }
  },
  async () => (await deps()).metrics,
);
