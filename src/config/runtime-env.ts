import { z } from 'zod';
import { ProwlError } from '../errors';
import { describeIssues } from './zod-issues';

/**
 * What a running Prowl function needs from its environment: the names of the resources it was
 * deployed with (set by serverless.yml in AWS and by the local stack on a laptop), optional
 * emulator endpoints, and where the Slack secrets are. This module and config-file.ts are the only
 * readers of process.env; nothing here has a default that could hide a missing variable.
 */

const name = z.string().min(1);
const url = z.url();
/** `VAR=` in a shell exports an empty string; for an optional variable that means "not set". */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const runtimeEnvSchema = z
  .object({
    PROWL_STAGE: name,
    PROWL_CONFIG: name.describe('path of the configuration file'),
    PROWL_SIGMA_DIR: name.describe('directory of Sigma rules to load'),
    AWS_REGION: name,
    PROWL_RAW_BUCKET: name,
    PROWL_LAKE_BUCKET: name,
    PROWL_ALERTS_TABLE: name,
    PROWL_AUDIT_TABLE: name,
    PROWL_SETTINGS_TABLE: name,
    PROWL_RESOURCES_TABLE: name,
    /** Signatures of verified Slack requests, remembered for the replay window. */
    PROWL_SLACK_REQUESTS_TABLE: name,
    PROWL_NOTIFY_QUEUE_URL: url,
    PROWL_JOBS_QUEUE_URL: url,
    /** `slack` posts with the Web API; `terminal` renders alerts on stdout (local stack only). */
    PROWL_SLACK_MODE: z.enum(['slack', 'terminal']),
    /** Local emulator endpoints. Unset in AWS. */
    AWS_ENDPOINT_URL_S3: unsetWhenEmpty(url),
    AWS_ENDPOINT_URL_SQS: unsetWhenEmpty(url),
    AWS_ENDPOINT_URL_DYNAMODB: unsetWhenEmpty(url),
    /** Secrets: given directly on a laptop, or as SSM parameter names in AWS. */
    SLACK_BOT_TOKEN: unsetWhenEmpty(name),
    SLACK_SIGNING_SECRET: unsetWhenEmpty(name),
    SLACK_APP_TOKEN: unsetWhenEmpty(name),
    PROWL_SLACK_BOT_TOKEN_PARAM: unsetWhenEmpty(name),
    PROWL_SLACK_SIGNING_SECRET_PARAM: unsetWhenEmpty(name),
    /** Slack's Web API base URL; only tests and private proxies change it. */
    SLACK_API_URL: unsetWhenEmpty(url),
    /** Milliseconds between two posts to one channel (default: Slack's one per second); a fake Slack in tests takes 0. */
    SLACK_POST_SPACING_MS: unsetWhenEmpty(z.coerce.number().int().min(0).max(60_000)),
    /** `emf` writes CloudWatch embedded-metric lines (Lambda); `off` on a laptop, where they would be noise. */
    PROWL_METRICS: z.enum(['emf', 'off']),
    /** Where searches run: Athena over Glue tables in AWS, DuckDB over the lake on a laptop. */
    PROWL_SEARCH_BACKEND: z.enum(['athena', 'duckdb']),
    PROWL_ATHENA_WORKGROUP: unsetWhenEmpty(name),
    PROWL_GLUE_DATABASE: unsetWhenEmpty(name),
  })
  .superRefine((env, context) => {
    if (env.PROWL_SEARCH_BACKEND !== 'athena') return;
    for (const key of ['PROWL_ATHENA_WORKGROUP', 'PROWL_GLUE_DATABASE'] as const) {
      if (!env[key]) context.addIssue({ code: 'custom', path: [key], message: 'required when PROWL_SEARCH_BACKEND is athena' });
    }
  });

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

export interface RuntimeConfig {
  stage: string;
  configPath: string;
  sigmaDir: string;
  region: string;
  buckets: { raw: string; lake: string };
  tables: { alerts: string; audit: string; settings: string; resources: string; slackRequests: string };
  queues: { notify: string; jobs: string };
  slackMode: 'slack' | 'terminal';
  endpoints: { s3?: string | undefined; sqs?: string | undefined; dynamodb?: string | undefined };
  slackApiUrl?: string | undefined;
  slackPostSpacingMs?: number | undefined;
  search: { backend: 'duckdb' } | { backend: 'athena'; workGroup: string; database: string };
  metrics: boolean;
  secrets: SecretSources;
}

/** Each secret either has its value (laptop) or the name of the SSM parameter that holds it (AWS). */
export interface SecretSources {
  slackBotToken: SecretSource;
  slackSigningSecret: SecretSource;
  slackAppToken: SecretSource;
}
export type SecretSource = { value: string } | { parameter: string } | undefined;

function secret(value: string | undefined, parameter?: string): SecretSource {
  if (value !== undefined) return { value };
  if (parameter !== undefined) return { parameter };
  return undefined;
}

export function parseRuntimeEnv(env: NodeJS.ProcessEnv): RuntimeConfig {
  const result = runtimeEnvSchema.safeParse(env);
  if (!result.success) {
    throw new ProwlError('prowl_config_invalid', `environment is incomplete:\n${describeIssues(result.error)}`);
  }
  const e = result.data;
  return {
    stage: e.PROWL_STAGE,
    configPath: e.PROWL_CONFIG,
    sigmaDir: e.PROWL_SIGMA_DIR,
    region: e.AWS_REGION,
    buckets: { raw: e.PROWL_RAW_BUCKET, lake: e.PROWL_LAKE_BUCKET },
    tables: {
      alerts: e.PROWL_ALERTS_TABLE,
      audit: e.PROWL_AUDIT_TABLE,
      settings: e.PROWL_SETTINGS_TABLE,
      resources: e.PROWL_RESOURCES_TABLE,
      slackRequests: e.PROWL_SLACK_REQUESTS_TABLE,
    },
    queues: { notify: e.PROWL_NOTIFY_QUEUE_URL, jobs: e.PROWL_JOBS_QUEUE_URL },
    slackMode: e.PROWL_SLACK_MODE,
    endpoints: { s3: e.AWS_ENDPOINT_URL_S3, sqs: e.AWS_ENDPOINT_URL_SQS, dynamodb: e.AWS_ENDPOINT_URL_DYNAMODB },
    slackApiUrl: e.SLACK_API_URL,
    slackPostSpacingMs: e.SLACK_POST_SPACING_MS,
    metrics: e.PROWL_METRICS === 'emf',
    search:
      e.PROWL_SEARCH_BACKEND === 'athena'
        ? { backend: 'athena', workGroup: e.PROWL_ATHENA_WORKGROUP!, database: e.PROWL_GLUE_DATABASE! }
        : { backend: 'duckdb' },
    secrets: {
      slackBotToken: secret(e.SLACK_BOT_TOKEN, e.PROWL_SLACK_BOT_TOKEN_PARAM),
      slackSigningSecret: secret(e.SLACK_SIGNING_SECRET, e.PROWL_SLACK_SIGNING_SECRET_PARAM),
      slackAppToken: secret(e.SLACK_APP_TOKEN),
    },
  };
}

/** Reads process.env once; the single place the process environment enters Prowl. */
export function runtimeConfigFromProcess(): RuntimeConfig {
  return parseRuntimeEnv(process.env);
}

/** Slack credentials a laptop may provide; the CLI uses them to choose Socket Mode or the terminal. */
export function localSlackCredentials(env: NodeJS.ProcessEnv = process.env): {
  botToken?: string | undefined;
  appToken?: string | undefined;
  signingSecret?: string | undefined;
} {
  return {
    botToken: env.SLACK_BOT_TOKEN || undefined,
    appToken: env.SLACK_APP_TOKEN || undefined,
    signingSecret: env.SLACK_SIGNING_SECRET || undefined,
  };
}
