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

export interface FunctionDefinition {
  name: string;
  /** Module path relative to the project root, and the exported name: handlers/ingest + handler. */
  module: string;
  exportName: string;
  timeoutSeconds: number;
  sqs: SqsTrigger[];
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
function resolveVariables(value: Json, context: { root: string; service: string; stage: string }): Json {
  if (typeof value === 'string') {
    const file = /^\$\{file\(([^)]+)\)\}$/.exec(value);
    if (file) return resolveVariables(parseYaml(readFileSync(join(context.root, file[1]!), 'utf8')) as Json, context);
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
  const resolved = asRecord(resolveVariables(document as Json, { root, service, stage }), 'the file');
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
    return { name, module: handler.slice(0, dot), exportName: handler.slice(dot + 1), timeoutSeconds: Number(fn['timeout'] ?? provider['timeout'] ?? 6), sqs };
  });

  return { service, stage, environment: asRecord(provider['environment'] ?? {}, 'provider.environment'), functions, resources };
}
