import { rules as pack } from '../../detections';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { DateTime } from 'luxon';
import type { AlertStore } from '../alerts/alert-store';
import type { AuditLog } from '../alerts/audit';
import type { SettingsStore } from '../alerts/settings-store';
import { sqsNotifyQueue, type NotifyQueue } from '../alerts/notify-queue';
import { createRouteAdmin } from '../alerts/route-admin';
import { createRuleAdmin } from '../alerts/rule-admin';
import { createSuppressionService } from '../alerts/suppressions-service';
import { createAccess } from '../alerts/access';
import { effectiveTeams } from '../alerts/teams';
import { createTriage } from '../alerts/triage';
import { alertStats } from '../alerts/alert-stats';
import { homeOverview } from '../alerts/home';
import type { StormStore } from '../alerts/storm';
import { createStormActions } from '../alerts/storm-actions';
import { createTimeline } from '../alerts/timeline';
import { createDynamoStormStore } from '../store/dynamo-storm-store';
import { createConfirmations } from '../alerts/confirmations';
import type { PeopleDirectory } from '../alerts/actor-principal';
import type { ConfirmWithActor } from '../alerts/follow-ups';
import type { FollowUpDeps } from '../notify/follow-ups';
import { pacedGateway } from '../notify/post-pacer';
import { createDynamoPostSlots } from '../store/dynamo-post-slots';
import { terminalPeople, webApiPeople } from '../slack/people';
import { sqsJobQueue, type JobQueue } from '../jobs/job';
import { createSearchRequests } from '../jobs/search-requests';
import type { Operations } from '../slack/operations';
import { createAwsClients, type AwsClients } from './aws-clients';
import { readConfigFile, type ConfigFile, type DetectionSettings, type RuntimeConfig, type SecretSource, type TeamConfig } from '../config';
import type { ScanPolicySettings } from '../config/scan-policy-settings';
import type { Rule } from '../detect/rule';
import { loadRuleSet } from '../detect/rule-set';
import type { Policy } from '../detect/policy';
import { policies } from '../../detections/policies';
import { createRescanRequests, sqsRescanQueue, type RescanRequests } from '../scan/rescan-requests';
import { parseScanPlan, type ScanPlan } from '../scan/scan-plan';
import { createDynamoRescanDebounce } from '../store/dynamo-rescan-debounce';
import { buildCustomLogType } from '../logs/custom-log-type';
import { createLogTypeRegistry, type LogTypeRegistry } from '../logs/registry';
import type { ResourceStore } from '../scan/resource-store';
import { createDynamoResourceStore } from '../store/dynamo-resource-store';
import { ProwlError } from '../errors';
import { logger } from '../logger';
import { createWebClient, gatewayClient, terminalGateway, webApiGateway, type SlackGateway } from '../slack/gateway';
import { createDynamoAlertStore } from '../store/dynamo-alert-store';
import { createDynamoAuditLog } from '../store/dynamo-audit-log';
import { createDynamoSettingsStore } from '../store/dynamo-settings-store';

/**
 * The services a Prowl process runs on, built once from validated configuration. Handlers, the
 * local stack and the CLI all start here, so a laptop wires the same pieces as Lambda.
 */
export interface Services {
  runtime: RuntimeConfig;
  config: ConfigFile;
  /** What normal looks like for this organisation (prowl.config.yml → detections); rules and policies receive it in their context. */
  detectionSettings: DetectionSettings;
  /** The standards policies hold resources to (prowl.config.yml → scanPolicies). */
  policyStandards: ScanPolicySettings;
  clients: AwsClients;
  alerts: AlertStore;
  /** Storm windows and groups (src/notify/storm-delivery.ts), beside the alerts. */
  storms: StormStore;
  audit: AuditLog;
  settings: SettingsStore;
  notify: NotifyQueue;
  jobs: JobQueue;
  /** Every rule that can run: the TypeScript pack and Sigma rules. */
  rules: readonly Rule[];
  /** Built-in log types plus the ones declared in prowl.config.yml. */
  logTypes: LogTypeRegistry;
  /** The policy pack the scans run. */
  policies: readonly Policy[];
  resources: ResourceStore;
  /** The scan plan from prowl.config.yml, validated at start; undefined when no accounts are configured. */
  scanPlan?: ScanPlan;
  /** Debounced re-scans of resources CloudTrail shows changing; undefined without a plan or with `scan.realTime.enabled: false`. */
  rescans?: RescanRequests;
  /** prowl.config.yml's teams with the routes changed from Slack laid over them. */
  teams(): Promise<TeamConfig[]>;
  now: () => DateTime;
}

export function createServices(runtime: RuntimeConfig, clients: AwsClients = createAwsClients(runtime)): Services {
  const config = readConfigFile(runtime.configPath);
  const settings = createDynamoSettingsStore({ ddb: clients.ddb, table: runtime.tables.settings });
  const scanPlan = config.scan ? parseScanPlan(config.scan, `${runtime.configPath} → scan`) : undefined;
  // The policies read the organisation's standards when they run; these are the configured ones.
  const now = (): DateTime => DateTime.utc();
  return {
    runtime,
    config,
    detectionSettings: config.detections,
    policyStandards: config.scanPolicies,
    clients,
    logTypes: logTypesFromConfig(config, runtime.configPath),
    alerts: createDynamoAlertStore({ ddb: clients.ddb, table: runtime.tables.alerts }),
    storms: createDynamoStormStore({ ddb: clients.ddb, table: runtime.tables.alerts }),
    audit: createDynamoAuditLog({ ddb: clients.ddb, table: runtime.tables.audit }),
    settings,
    notify: sqsNotifyQueue({ sqs: clients.sqs, queueUrl: runtime.queues.notify }),
    jobs: sqsJobQueue({ sqs: clients.sqs, queueUrl: runtime.queues.jobs }),
    rules: loadSigmaRuleSet(runtime.sigmaDir),
    policies,
    resources: createDynamoResourceStore({ ddb: clients.ddb, table: runtime.tables.resources }),
    ...(scanPlan ? { scanPlan } : {}),
    ...(scanPlan?.realTime.enabled
      ? {
          rescans: createRescanRequests({
            debounce: createDynamoRescanDebounce({ ddb: clients.ddb, table: runtime.tables.settings }),
            queue: sqsRescanQueue({ sqs: clients.sqs, queueUrl: runtime.queues.jobs }),
            debounceSeconds: scanPlan.realTime.debounceSeconds,
            now,
          }),
        }
      : {}),
    teams: async () => effectiveTeams(config.teams, await settings.routes()),
    now,
  };
}

/**
 * The rules a deployment runs. The Sigma folder is read rule by rule: a rule that cannot run is
 * logged once at start with its file, line and reason, and the others run (CI holds the bundled
 * pack to `--strict`, so this only ever skips rules someone added to their own folder).
 */
function loadSigmaRuleSet(sigmaDir: string): Rule[] {
  const { rules, skipped, warnings } = loadRuleSet(pack, [{ dir: sigmaDir, strict: false }]);
  for (const problem of skipped) logger.warn('Sigma rule skipped', { file: problem.file, line: problem.line, rule: problem.rule, reason: problem.message });
  for (const problem of warnings) logger.warn('Sigma rule warning', { file: problem.file, line: problem.line, rule: problem.rule, reason: problem.message });
  return rules;
}

/**
 * The log types Prowl reads: built-in ones and those declared under `logTypes`, each declaration
 * validated here (so a mistake stops the start with its reason), and every name a source lists
 * checked to exist.
 */
export function logTypesFromConfig(config: Pick<ConfigFile, 'logTypes' | 'sources'>, origin: string): LogTypeRegistry {
  const custom = config.logTypes.map((declaration, i) => {
    try {
      return buildCustomLogType(declaration);
    } catch (error) {
      throw new ProwlError('prowl_config_invalid', `${origin} → logTypes.${i}: ${(error as Error).message}`, { cause: error });
    }
  });
  const registry = createLogTypeRegistry(custom);
  config.sources.forEach((source, i) =>
    source.logTypes.forEach((name, j) => {
      try {
        registry.byName(name);
      } catch (error) {
        throw new ProwlError('prowl_config_invalid', `${origin} → sources.${i}.logTypes.${j}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
  return registry;
}

/** The use cases people reach from Slack or the terminal, over the given services. */
export function createOperations(services: Services, timeZoneOf: (userId: string) => Promise<string>): Operations {
  const timeline = createTimeline(services.notify);
  const triage = createTriage(services);
  const suppressions = createSuppressionService({
    ...services,
    timeline,
    ruleIds: new Set([...services.rules, ...services.policies].map((rule) => rule.id)),
  });
  return {
    access: createAccess(services),
    triage,
    suppressions,
    storms: createStormActions({ ...services, triage, suppressions, timeline }),
    confirmations: createConfirmations(services),
    rules: createRuleAdmin(services),
    routes: createRouteAdmin(services),
    audit: services.audit,
    searches: createSearchRequests({ jobs: services.jobs, config: services.config }),
    reports: { home: (actor) => homeOverview(services, actor), stats: (request) => alertStats(services, request) },
    now: services.now,
    timeZoneOf,
  };
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
export async function createSlackGateway(
  services: Pick<Services, 'runtime' | 'clients' | 'now'>,
  write: (text: string) => void = (t) => process.stdout.write(t),
): Promise<SlackGateway> {
  if (services.runtime.slackMode === 'terminal') return terminalGateway(write, services.now);
  const token = await resolveSecret(services.runtime.secrets.slackBotToken, 'the Slack bot token', services.clients);
  return webApiGateway(gatewayClient(token, services.runtime.slackApiUrl ? { slackApiUrl: services.runtime.slackApiUrl } : {}));
}

/**
 * The gateway of the functions that post into alert channels (notify, the escalation sweep): Slack's
 * one post per second per channel, kept across all their workers through the settings table; the
 * terminal needs no pacing.
 */
export async function createPacedSlackGateway(services: Pick<Services, 'runtime' | 'clients' | 'now'>): Promise<SlackGateway> {
  const slack = await createSlackGateway(services);
  if (services.runtime.slackMode === 'terminal') return slack;
  return pacedGateway(slack, {
    slots: createDynamoPostSlots({ ddb: services.clients.ddb, table: services.runtime.tables.settings }),
    wallClock: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ...(services.runtime.slackPostSpacingMs === undefined ? {} : { spacingMs: services.runtime.slackPostSpacingMs }),
  });
}

/** Slack people by email, for "was this you?": the workspace's directory, or the terminal user. */
export async function createPeopleDirectory(services: Pick<Services, 'runtime' | 'clients' | 'now'>): Promise<PeopleDirectory> {
  if (services.runtime.slackMode === 'terminal') return terminalPeople();
  const token = await resolveSecret(services.runtime.secrets.slackBotToken, 'the Slack bot token', services.clients);
  return webApiPeople(createWebClient(token, services.runtime.slackApiUrl ? { slackApiUrl: services.runtime.slackApiUrl } : {}), services.now);
}

/** What the follow-ups of an alert (asking the actor, escalations) run on: notify's and the escalate sweep's. */
export async function createFollowUpDeps(services: Services, gateway: SlackGateway): Promise<FollowUpDeps> {
  const asks = new Map<string, ConfirmWithActor>();
  for (const rule of services.rules) if (rule.confirmWithActor) asks.set(rule.id, rule.confirmWithActor);
  return {
    alerts: services.alerts,
    audit: services.audit,
    gateway,
    people: await createPeopleDirectory(services),
    config: services.config,
    teams: services.teams,
    confirmWithActor: (ruleId) => asks.get(ruleId),
    now: services.now,
  };
}
