import { AwsLambdaReceiver, LogLevel } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { runtimeConfigFromProcess } from '../src/config';
import { once } from '../src/once';
import { createOperations, createServices, resolveSecret } from '../src/services';
import { createSlackApp } from '../src/slack/app';
import { configuredGroupIds, webApiDirectory } from '../src/slack/directory';
import { createWebClient } from '../src/slack/gateway';
import { acceptedByTimestamp, isSlackRetry } from '../src/slack/request-guards';

const receiver = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const [botToken, signingSecret] = await Promise.all([
    resolveSecret(services.runtime.secrets.slackBotToken, 'the Slack bot token', services.clients),
    resolveSecret(services.runtime.secrets.slackSigningSecret, 'the Slack signing secret', services.clients),
  ]);
  const apiUrl = services.runtime.slackApiUrl ? { slackApiUrl: services.runtime.slackApiUrl } : {};
  const client = createWebClient(botToken, apiUrl);
  const directory = webApiDirectory(client, async () => configuredGroupIds(services.config.roles, await services.teams()), services.now);
  // Bolt verifies every request's signature with the signing secret before any listener runs.
  const lambdaReceiver = new AwsLambdaReceiver({ signingSecret, logLevel: LogLevel.WARN });
  createSlackApp({ botToken, receiver: lambdaReceiver, ...apiUrl }, { ops: createOperations(services, (user) => directory.timeZoneOf(user)), directory });
  return lambdaReceiver.toHandler();
});

/** prowl-slack: slash commands and interactivity, behind API Gateway. */
export const handler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
  const headers = event.headers ?? {};
  if (!acceptedByTimestamp(headers)) return { statusCode: 401, body: '' };
  // Slack retries a request it thinks timed out; the first attempt is already doing the work.
  if (isSlackRetry(headers)) return { statusCode: 200, headers: { 'x-slack-no-retry': '1' }, body: '' };
  const handle = await receiver();
  return (await handle(event, context)) as APIGatewayProxyResultV2;
};
