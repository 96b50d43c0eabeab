import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { DateTime } from 'luxon';
import { rules as pack } from '../detections';
import type { AlertStore } from './alerts/alert-store';
import type { AuditLog } from './alerts/audit';
import { sqsNotifyQueue, type NotifyQueue } from './alerts/notify-queue';
import { createAwsClients, type AwsClients } from './aws-clients';
import { readConfigFile, type ConfigFile, type RuntimeConfig, type SecretSource } from './config';
import { createEngine, type Engine } from './detect/engine';
import { ProwlError } from './errors';
import { createWebClient, terminalGateway, webApiGateway, type SlackGateway } from './slack/gateway';
import { createDynamoAlertStore } from './store/dynamo-alert-store';
import { createDynamoAuditLog } from './store/dynamo-audit-log';

/**
 * The services a Prowl process runs on, built once from validated configuration. Handlers, the
 * local stack and the CLI all start here, so a laptop wires the same pieces as Lambda.
 */
export interface Services {
  runtime: RuntimeConfig;
  config: ConfigFile;
  clients: AwsClients;
  alerts: AlertStore;
  audit: AuditLog;
  notify: NotifyQueue;
  now: () => DateTime;
}

export function createServices(runtime: RuntimeConfig, clients: AwsClients = createAwsClients(runtime)): Services {
  return {
    runtime,
    config: readConfigFile(runtime.configPath),
    clients,
    alerts: createDynamoAlertStore({ ddb: clients.ddb, table: runtime.tables.alerts }),
    audit: createDynamoAuditLog({ ddb: clients.ddb, table: runtime.tables.audit }),
    notify: sqsNotifyQueue({ sqs: clients.sqs, queueUrl: runtime.queues.notify }),
    now: () => DateTime.utc(),
  };
}

export function createPackEngine(config: ConfigFile): Engine {
  return createEngine(pack, { timeBudgetMs: config.options.ruleTimeBudgetMs });
}

/** A secret's value: given directly (laptop), or read from SSM Parameter Store with decryption (AWS). */
export async function resolveSecret(source: SecretSource, what: string, clients: Pick<AwsClients, 'ssm'>): Promise<string> {
  if (!source) throw new ProwlError('prowl_config_invalid', `${what} is not configured`);
  if ('value' in source) return source.value;
  const result = await clients.ssm.send(new GetParameterCommand({ Name: source.parameter, WithDecryption: true }));
  const value = result.Parameter?.Value;
  if (!value) throw new ProwlError('prowl_config_invalid', `SSM parameter ${source.parameter} (${what}) is empty`);
  return value;
}

/** The Web API in a workspace; the terminal when the local stack runs without one. */
export async function createSlackGateway(services: Pick<Services, 'runtime' | 'clients'>, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<SlackGateway> {
  if (services.runtime.slackMode === 'terminal') return terminalGateway(write);
  const token = await resolveSecret(services.runtime.secrets.slackBotToken, 'the Slack bot token', services.clients);
  return webApiGateway(createWebClient(token, services.runtime.slackApiUrl ? { slackApiUrl: services.runtime.slackApiUrl } : {}));
}
