import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ProwlError } from '../errors';

/**
 * Reads serverless.yml (and the infra/*.yml it pulls in) the way the local stack needs it: the
 * functions with their queue triggers, the resources, and the functions' environment. The laptop
 * and AWS are built from these same files, so they cannot drift apart.
 */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface SqsTrigger {
  queue: string;
  batchSize: number;
  reportsBatchItemFailures: boolean;
}

/** An EventBridge schedule: `rate(1 minute)` or `cron(0 6 * * ? *)`, as serverless.yml gives it. */
export interface ScheduleTrigger {
  expression: string;
  /** The constant event the schedule sends instead of EventBridge's "Scheduled Event" (serverless.yml's `input`). */
  input?: unknown;
}

export interface FunctionDefinition {
  name: string;
  /** Module path relative to the project root, and the exported name: handlers/ingest + handler. */
  module: string;
  exportName: string;
  timeoutSeconds: number;
  sqs: SqsTrigger[];
  schedules: ScheduleTrigger[];
}

export interface Definitions {
  service: string;
  stage: string;
  environment: Record<string, unknown>;
  functions: FunctionDefinition[];
  resources: Record<string, CfnResource>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Resolves the Serverless variables Prowl's files use; anything else is left for CloudFormation. */
function resolveVariables(value: Json, context: { root: string; service: string; stage: string; params: Record<string, Json> }): Json {
  if (typeof value === 'string') {
    const file = /^\$\{file\(([^)]+)\)\}$/.exec(value);
    if (file) return resolveVariables(parseYaml(readFileSync(join(context.root, file[1]!), 'utf8')) as Json, context);
    // A whole-value parameter keeps its type (a number stays a number).
    const param = /^\$\{param:([A-Za-z0-9]+)\}$/.exec(value);
    if (param && Object.hasOwn(context.params, param[1]!)) return context.params[param[1]!]!;
    return value
      .replace(/\$\{self:service\}/g, context.service)
      .replace(/\$\{sls:stage\}/g, context.stage)
      .replace(/\$\{opt:stage(?:,\s*'[^']*')?\}/g, context.stage);
  }
  if (Array.isArray(value)) return value.map((item) => resolveVariables(item, context));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveVariables(item, context)]));
  }
  return value;
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ProwlError('prowl_config_invalid', `serverless.yml: ${what} should be a mapping`);
  return value as Record<string, unknown>;
}

function logicalIdOfArn(value: unknown, where: string): string {
  const getAtt = asRecord(value, where)['Fn::GetAtt'];
  if (!Array.isArray(getAtt) || getAtt[1] !== 'Arn' || typeof getAtt[0] !== 'string') {
    throw new ProwlError('prowl_config_invalid', `serverless.yml: ${where} should be { Fn::GetAtt: [<Queue>, Arn] } so the local stack can find the queue`);
  }
  return getAtt[0];
}

export function loadDefinitions(root: string, stage: string): Definitions {
  const document = asRecord(parseYaml(readFileSync(join(root, 'serverless.yml'), 'utf8')), 'the file');
  const service = String(document['service']);
  // Deployment parameters as `params` declares them (the stage's own, over `default`); --param overrides are AWS-only.
  const declaredParams = (document['params'] ?? {}) as Record<string, Record<string, Json> | undefined>;
  const params = { ...(declaredParams['default'] ?? {}), ...(declaredParams[stage] ?? {}) };
  const resolved = asRecord(resolveVariables(document as Json, { root, service, stage, params }), 'the file');
  const provider = asRecord(resolved['provider'], 'provider');

  const resources: Record<string, CfnResource> = {};
  const resourceFiles = Array.isArray(resolved['resources']) ? resolved['resources'] : [resolved['resources']];
  for (const file of resourceFiles) Object.assign(resources, asRecord(asRecord(file, 'resources')['Resources'], 'Resources'));

  const functions = Object.entries(asRecord(resolved['functions'], 'functions')).map(([name, raw]): FunctionDefinition => {
    const fn = asRecord(raw, `functions.${name}`);
    const handler = String(fn['handler']);
    const dot = handler.lastIndexOf('.');
    const events = Array.isArray(fn['events']) ? fn['events'] : [];
    const sqs = events
      .map((event) => asRecord(event, `functions.${name}.events[]`)['sqs'])
      .filter((trigger) => trigger !== undefined)
      .map((trigger, i): SqsTrigger => {
        const t = asRecord(trigger, `functions.${name}.events[${i}].sqs`);
        return {
          queue: logicalIdOfArn(t['arn'], `functions.${name}.events[${i}].sqs.arn`),
          batchSize: Number(t['batchSize'] ?? 10),
          reportsBatchItemFailures: t['functionResponseType'] === 'ReportBatchItemFailures',
        };
      });
    const schedules = events
      .map((event) => asRecord(event, `functions.${name}.events[]`)['schedule'])
      .filter((trigger) => trigger !== undefined)
      .map((trigger, i): ScheduleTrigger => {
        // `schedule: rate(…)` or `schedule: { rate: rate(…) | cron(…) }`.
        const settings = typeof trigger === 'string' ? { rate: trigger } : asRecord(trigger, `functions.${name}.events[${i}].schedule`);
        const expression = settings['rate'];
        if (typeof expression !== 'string')
          throw new ProwlError('prowl_config_invalid', `serverless.yml: functions.${name}.events[${i}].schedule needs a rate(…) or cron(…) expression`);
        return { expression, ...(settings['input'] === undefined ? {} : { input: settings['input'] }) };
      });
    return {
      name,
      module: handler.slice(0, dot),
      exportName: handler.slice(dot + 1),
      timeoutSeconds: Number(fn['timeout'] ?? provider['timeout'] ?? 6),
      sqs,
      schedules,
    };
  });

  return { service, stage, environment: asRecord(provider['environment'] ?? {}, 'provider.environment'), functions, resources };
}
