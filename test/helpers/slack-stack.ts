import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Alert } from '../../src/alerts/alert';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices, type Services } from '../../src/app/services';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from './cloudtrail-files';
import { startTestStack, TEST_BOT_TOKEN } from './local-stack';
import { interceptSlack } from './slack-api';
import { signedSlackEvent, TEST_SIGNING_SECRET } from './slack-requests';

export interface SlackStack {
  stack: LocalStack;
  services: Services;
  slack: ReturnType<typeof interceptSlack>;
  /** Sends a signed request to the real Lambda handler, as API Gateway would. */
  send(body: string, options?: Parameters<typeof signedSlackEvent>[1]): Promise<APIGatewayProxyStructuredResultV2>;
  sendEvent(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  /** Ingests a root console login from this address and returns the alert it opened. */
  alertFrom(ip: string): Promise<Alert>;
  stop(): Promise<void>;
}

const context = { functionName: 'slack', awsRequestId: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

/**
 * One per test file: handlers build their dependencies once per process, as in Lambda, so a
 * second stack in the same file would talk to the first one's resources.
 */
export async function startSlackStack(options: { configPath?: string } = {}): Promise<SlackStack> {
  const slack = interceptSlack();
  const stack = await startTestStack({
    configPath: options.configPath ?? join(__dirname, '..', 'fixtures', 'prowl.test.config.yml'),
    slack: { mode: 'slack', botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
  });
  const services = createServices(stack.runtime, stack.clients);
  // Loaded after the stack has set the environment, as Lambda loads it with its environment set.
  const { handler } = await import('../../handlers/slack');
  const sendEvent = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const result: APIGatewayProxyResultV2 = await handler(event, context);
    return typeof result === 'string' ? { statusCode: 200, body: result } : result;
  };
  return {
    stack,
    services,
    slack,
    sendEvent,
    send: (body, options) => sendEvent(signedSlackEvent(body, options)),
    async alertFrom(ip) {
      await stack.putObject(cloudTrailKey(`login-${ip}`), cloudTrailFile([rootConsoleLogin({ sourceIPAddress: ip, eventID: `login-${ip}` })]));
      await stack.runner.idle();
      const alert = (await services.alerts.listByStatus('OPEN', 100)).find((a) => a.dedup === `123456789012:${ip}`);
      if (!alert) throw new Error(`no alert opened for ${ip}`);
      return alert;
    },
    async stop() {
      await stack.stop();
      slack.done();
    },
  };
}

/** The text of the last ephemeral reply posted to a response URL. */
export function lastReply(slack: SlackStack['slack']): string {
  const replies = slack.of('response_url');
  return String(replies[replies.length - 1]?.body['text'] ?? '');
}
