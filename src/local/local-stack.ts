import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Upload } from '@aws-sdk/lib-storage';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { DateTime } from 'luxon';
import { createAwsClients, type AwsClients } from '../app/aws-clients';
import { parseRuntimeEnv, type RuntimeConfig } from '../config';
import { ProwlError } from '../errors';
import { objectCreatedNotification } from '../ingest/s3-notification';
import { loadDefinitions, type Definitions } from './definitions';
import { startEmulators, type EmulatorEndpoints, type Emulators } from './emulators';
import { EventSourceRunner, type InvocationReport, type SqsHandler } from './event-source-runner';
import { provision, resolveEnvironment, type Provisioned } from './provision';
import { ScheduleRunner, type ScheduledHandler } from './schedule-runner';

export type LocalSlack =
  | { mode: 'terminal' }
  /** `postSpacingMs`: between posts to one channel (SLACK_POST_SPACING_MS); tests against a fake Slack take 0. */
  | { mode: 'slack'; botToken: string; signingSecret?: string; apiUrl?: string; postSpacingMs?: number };

/** Scheduled functions a laptop does not run on their schedule, and why (they need real AWS). */
export const NOT_SCHEDULED_LOCALLY: Readonly<Record<string, string>> = {
  compact: 'the function compacts with Athena; `prowl dev` compacts the local lake with DuckDB (src/local/lake-compactor.ts)',
  scan: 'a scan reads real AWS accounts through the audit role; use `prowl scan --resources` or `/prowl scan`',
};

export interface LocalStackOptions {
  root: string;
  stage: string;
  region?: string;
  /** Persist emulator data here (the laptop); in memory when omitted. */
  dataDir?: string;
  /** Use emulators that are already running (tests share one pair) instead of starting them. */
  emulators?: EmulatorEndpoints;
  slack: LocalSlack;
  configPath?: string;
  /** Sigma rules to load instead of serverless.yml's PROWL_SIGMA_DIR (tests bring their own). */
  sigmaDir?: string;
  visibilityTimeoutSeconds?: number;
  onInvocation?: (report: InvocationReport) => void;
  /** The clock the stack's own messages are stamped with (S3 notifications), and that scheduled functions run by. */
  now?: () => DateTime;
  /** `timer` (the laptop): scheduled functions run when due; `manual` (tests): only when `schedules.tick()` is called. */
  schedules?: 'timer' | 'manual';
}

export interface LocalStack {
  definitions: Definitions;
  provisioned: Provisioned;
  /** The environment every local function runs with: serverless.yml's, resolved locally. */
  env: Record<string, string>;
  runtime: RuntimeConfig;
  clients: AwsClients;
  runner: EventSourceRunner;
  /** The functions serverless.yml runs on a schedule (the escalation sweep, the daily scan). */
  schedules: ScheduleRunner;
  /** Puts an object in a bucket (the raw bucket by default) and sends the S3 notification it is wired to. */
  putObject(key: string, body: Buffer | string, bucket?: string): Promise<void>;
  /** The same for a file of any size, streamed from disk in multipart parts. */
  putFile(key: string, path: string, bucket?: string): Promise<void>;
  stop(): Promise<void>;
}

function loadHandler<H extends SqsHandler | ScheduledHandler>(root: string, module: string, exportName: string): H {
  // The same module and export Lambda loads, named by serverless.yml.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(join(root, module)) as Record<string, unknown>;
  const handler = loaded[exportName];
  if (typeof handler !== 'function') throw new ProwlError('prowl_config_invalid', `${module} has no exported function ${exportName}`);
  return handler as H;
}

function slackEnvironment(slack: LocalSlack): Record<string, string> {
  if (slack.mode === 'terminal') return { PROWL_SLACK_MODE: 'terminal' };
  return {
    PROWL_SLACK_MODE: 'slack',
    SLACK_BOT_TOKEN: slack.botToken,
    ...(slack.signingSecret ? { SLACK_SIGNING_SECRET: slack.signingSecret } : {}),
    ...(slack.apiUrl ? { SLACK_API_URL: slack.apiUrl } : {}),
    ...(slack.postSpacingMs === undefined ? {} : { SLACK_POST_SPACING_MS: String(slack.postSpacingMs) }),
  };
}

/**
 * The whole of Prowl on loopback: emulators, the resources serverless.yml declares, and the
 * functions it declares, fed by their queues.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const region = options.region ?? 'us-east-1';
  let emulators: Emulators | undefined;
  const endpoints = options.emulators ?? (emulators = await startEmulators(options.dataDir ? { dataDir: options.dataDir } : {})).endpoints;

  try {
    const definitions = loadDefinitions(options.root, options.stage);
    const endpointEnv = { AWS_ENDPOINT_URL_S3: endpoints.aws, AWS_ENDPOINT_URL_SQS: endpoints.aws, AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb };
    const clients = createAwsClients({ region, endpoints: { s3: endpoints.aws, sqs: endpoints.aws, dynamodb: endpoints.dynamodb } });
    const provisioned = await provision(
      definitions,
      clients,
      options.visibilityTimeoutSeconds === undefined ? {} : { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds },
    );

    // Drop the AWS-only parameter names (locally secrets come straight from the environment) and the
    // log level (the laptop or the test run chooses its own).
    const {
      PROWL_SLACK_BOT_TOKEN_PARAM: _bot,
      PROWL_SLACK_SIGNING_SECRET_PARAM: _signing,
      POWERTOOLS_LOG_LEVEL: _level,
      ...declared
    } = resolveEnvironment(definitions.environment, provisioned);
    const env: Record<string, string> = {
      ...declared,
      // Paths in serverless.yml are relative to the package root (/var/task); here, to the repo.
      PROWL_CONFIG: options.configPath ?? join(options.root, declared['PROWL_CONFIG'] ?? 'prowl.config.yml'),
      PROWL_SIGMA_DIR: options.sigmaDir ?? join(options.root, declared['PROWL_SIGMA_DIR'] ?? 'detections/sigma'),
      AWS_REGION: region,
      // No Athena on a laptop: searches run with DuckDB over the lake.
      PROWL_SEARCH_BACKEND: 'duckdb',
      PROWL_METRICS: 'off',
      ...endpointEnv,
      ...slackEnvironment(options.slack),
    };
    const runtime = parseRuntimeEnv(env);
    // Functions read their configuration from the process environment, as in Lambda.
    Object.assign(process.env, env);

    const mappings = definitions.functions.flatMap((fn) =>
      fn.sqs.map((trigger) => {
        const queue = provisioned.queues[trigger.queue];
        if (!queue) throw new ProwlError('prowl_config_invalid', `function ${fn.name} is triggered by ${trigger.queue}, which is not defined`);
        return {
          functionName: fn.name,
          queueUrl: queue.url,
          queueArn: queue.arn,
          batchSize: trigger.batchSize,
          timeoutSeconds: fn.timeoutSeconds,
          handler: loadHandler<SqsHandler>(options.root, fn.module, fn.exportName),
        };
      }),
    );
    const runner = new EventSourceRunner(clients.sqs, mappings, region, options.onInvocation);
    runner.start();
    const now = options.now ?? ((): DateTime => DateTime.utc());
    const schedules = new ScheduleRunner(
      definitions.functions.flatMap((fn) =>
        (fn.name in NOT_SCHEDULED_LOCALLY ? [] : fn.schedules).map((schedule) => ({
          functionName: fn.name,
          expression: schedule.expression,
          ...(schedule.input === undefined ? {} : { input: schedule.input }),
          timeoutSeconds: fn.timeoutSeconds,
          handler: loadHandler<ScheduledHandler>(options.root, fn.module, fn.exportName),
        })),
      ),
      now,
      region,
      options.onInvocation,
    );
    if ((options.schedules ?? 'timer') === 'timer') schedules.start();

    /**
     * Uploads in multipart parts (S3's way in for large objects; the emulator, like API Gateway,
     * caps one request's body), then announces the object to the queues in the bucket's
     * NotificationConfiguration, as S3 would; fauxqs does not.
     */
    async function putAndNotify(bucket: string, key: string, body: Buffer | Readable, size: number, fallbackETag: () => string): Promise<void> {
      const result = await new Upload({ client: clients.s3, params: { Bucket: bucket, Key: key, Body: body }, queueSize: 2 }).done();
      const eTag = (result.ETag ?? fallbackETag()).replace(/"/g, '');
      for (const queueUrl of provisioned.notifications[bucket] ?? []) {
        await clients.sqs.send(
          new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: objectCreatedNotification({ bucket, key, size, eTag, eventTime: now() }) }),
        );
      }
    }

    return {
      definitions,
      provisioned,
      env,
      runtime,
      clients,
      runner,
      schedules,
      putObject: (key, body, bucket = runtime.buckets.raw) => {
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        return putAndNotify(bucket, key, bytes, bytes.length, () => createHash('md5').update(bytes).digest('hex'));
      },
      async putFile(key, path, bucket = runtime.buckets.raw) {
        const { size, mtimeMs } = await stat(path);
        return putAndNotify(bucket, key, createReadStream(path), size, () => createHash('md5').update(`${path}:${size}:${mtimeMs}`).digest('hex'));
      },
      async stop() {
        await schedules.stop();
        await runner.stop();
        await emulators?.stop();
      },
    };
  } catch (error) {
    await emulators?.stop();
    throw error;
  }
}
