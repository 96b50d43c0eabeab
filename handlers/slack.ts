import { AwsLambdaReceiver, LogLevel } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { DateTime } from 'luxon';
import { runtimeConfigFromProcess } from '../src/config';
import { once } from '../src/once';
import { createOperations, createServices, resolveSecret } from '../src/app/services';
import { createSlackApp } from '../src/slack/app';
import { configuredGroupIds, webApiDirectory } from '../src/slack/directory';
import { createWebClient } from '../src/slack/gateway';
import { admitSlackRequest } from '../src/slack/request-guards';
import { createDynamoRequestLedger } from '../src/store/dynamo-request-ledger';

const deps = once(async () => {
  const services = createServices(runtimeConfigFromProcess());
  const [botToken, signingSecret] = await Promise.all([
    resolveSecret(services.runtime.secrets.slackBotToken, 'the Slack bot token', services.clients),
    resolveSecret(services.runtime.secrets.slackSigningSecret, 'the Slack signing secret', services.clients),
  ]);
  const apiUrl = services.runtime.slackApiUrl ? { slackApiUrl: services.runtime.slackApiUrl } : {};
  const client = createWebClient(botToken, apiUrl);
  const directory = webApiDirectory(client, async () => configuredGroupIds(services.config.roles, await services.teams()), services.now);
  // Bolt verifies the signature again before any listener runs.
  const lambdaReceiver = new AwsLambdaReceiver({ signingSecret, logLevel: LogLevel.WARN });
  createSlackApp({ botToken, receiver: lambdaReceiver, ...apiUrl }, { ops: createOperations(services, (user) => directory.timeZoneOf(user)), directory });
  // Request timestamps are Slack's wall clock, and Bolt checks them against this process's: the
  // replay window is judged on the same clock, not on the services' (which tests may freeze).
  const wallClock = (): DateTime => DateTime.fromMillis(Date.now(), { zone: 'utc' });
  const ledger = createDynamoRequestLedger({ ddb: services.clients.ddb, table: services.runtime.tables.slackRequests, now: wallClock });
  return { handle: lambdaReceiver.toHandler(), guard: { signingSecret, ledger, now: wallClock } };
});

/** prowl-slack: slash commands and interactivity, behind API Gateway. Nothing is parsed before the signature is checked. */
export const handler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyResultV2> => {
  const { handle, guard } = await deps();
  const admission = await admitSlackRequest(
    { headers: event.headers ?? {}, ...(event.body !== undefined ? { body: event.body } : {}), isBase64Encoded: event.isBase64Encoded },
    guard,
  );
  if (!admission.admit) return { statusCode: admission.statusCode, ...(admission.headers ? { headers: admission.headers } : {}), body: '' };
  return (await handle(event, context)) as APIGatewayProxyResultV2;
};
