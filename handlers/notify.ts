import { isProwlError } from '../src/errors';
import { functionMetrics } from '../src/metrics';
import { once } from '../src/once';
import { createFollowUpDeps, createServices, createSlackGateway } from '../src/app/services';
import { notifyRecord } from '../src/notify/notify-record';
import { pacedGateway } from '../src/notify/post-pacer';
import { createDynamoPostSlots } from '../src/store/dynamo-post-slots';
import { runtimeConfigFromProcess } from '../src/config';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const slack = await createSlackGateway(services);
  // Slack's one post per second per channel, kept across every notify worker; the terminal needs no pacing.
  const gateway =
    services.runtime.slackMode === 'terminal'
      ? slack
      : pacedGateway(slack, {
          slots: createDynamoPostSlots({ ddb: services.clients.ddb, table: services.runtime.tables.settings }),
          wallClock: () => Date.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        });
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
