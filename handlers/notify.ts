import { once } from '../src/once';
import { createServices, createSlackGateway } from '../src/services';
import { notifyRecord } from '../src/slack/notify-record';
import { runtimeConfigFromProcess } from '../src/config';
import { sqsBatchHandler } from './sqs-batch';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  return { ...services, gateway: await createSlackGateway(services), sqs: services.clients.sqs, queueUrl: services.runtime.queues.notify };
});

/** prowl-notify: post or update the alert's Slack message. */
export const handler = sqsBatchHandler('notify', async (record) => notifyRecord(record, await deps()));
