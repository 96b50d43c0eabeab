import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DateTime } from 'luxon';
import { compactedMarkerKey, jsonHourPrefix, parquetHourPrefix } from '../../src/lake/lake-layout';
import type { SQSEvent } from 'aws-lambda';
import { objectCreatedNotification } from '../../src/ingest/s3-notification';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices } from '../../src/app/services';
import { T0 } from '../helpers/alerts';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack, TEST_BOT_TOKEN } from '../helpers/local-stack';
import { appHomeOpened, JSON_REQUEST, signedSlackEvent, slashCommand, TEST_SIGNING_SECRET } from '../helpers/slack-requests';
import { extractZip, packageService } from './packaged-service';
import { zipEntries } from './zip-entries';

/**
 * The zips `sls package` builds, invoked as Lambda invokes them: each handler loaded from its
 * unzipped bundle alone in a fresh Node process, given a real event, talking to the emulators.
 * The sources under jest are not what runs in AWS; these are.
 */

const INVOKE = `
const { handler } = require('./handlers/' + process.argv[1] + '.js');
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
  const context = { functionName: process.argv[1], awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => Number(process.env.INVOKE_REMAINING_MS || 30000) };
  const result = await handler(JSON.parse(input), context);
  process.stdout.write('\\n' + JSON.stringify({ result: result ?? null }));
});`;

let work: string;
let stack: LocalStack;
/** Stands in for Slack at the Web API URL and at response URLs: records what the bundle sent. */
let slack: Server;
const received: Array<{ url: string; body: string }> = [];

function slackUrl(path: string): string {
  return `http://127.0.0.1:${(slack.address() as AddressInfo).port}${path}`;
}

async function invoke(fn: string, event: unknown, environment: Record<string, string> = {}): Promise<unknown> {
  // The clock is the machine's: a run under libfaketime (CI moves it a year ahead) hands its
  // preload on, or Slack's signature timestamps and the bundle's clock would be a year apart.
  const clock = Object.fromEntries(Object.entries(process.env).filter(([name]) => name === 'LD_PRELOAD' || name.startsWith('FAKETIME')));
  const env = {
    PATH: process.env.PATH,
    ...clock,
    ...stack.env,
    // As in /var/task: paths in the bundle are relative to it.
    PROWL_CONFIG: 'prowl.config.yml',
    PROWL_SIGMA_DIR: 'detections/sigma',
    SLACK_API_URL: slackUrl('/api/'),
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...environment,
  };
  const child = execFile(process.execPath, ['-e', INVOKE, fn], { cwd: join(work, fn), env, timeout: 60_000 });
  child.stdin!.end(JSON.stringify(event));
  const stdout = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.stderr!.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${fn} bundle exited ${code}: ${err}`))));
  });
  return (JSON.parse(stdout.slice(stdout.lastIndexOf('\n') + 1)) as { result: unknown }).result;
}

beforeAll(async () => {
  const { dir } = await packageService();
  work = mkdtempSync(join(tmpdir(), 'prowl-invoke-'));
  for (const fn of ['ingest', 'slack', 'compact', 'digest']) extractZip(zipEntries(readFileSync(join(dir, `${fn}.zip`))), join(work, fn));
  slack = createServer((request, response) => {
    let body = '';
    request
      .on('data', (chunk) => (body += chunk))
      .on('end', () => {
        received.push({ url: request.url ?? '', body });
        response.setHeader('content-type', 'application/json');
        // auth.test is how Bolt learns who it is before its first listener runs.
        response.end(
          JSON.stringify(request.url === '/api/auth.test' ? { ok: true, user_id: 'UPROWLBOT', bot_id: 'BPROWL', team_id: 'T0PROWL' } : { ok: true }),
        );
      });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  stack = await startTestStack({ slack: { mode: 'slack', botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET } });
  // The bundles do the work here, not the local runner's handlers.
  await stack.runner.stop();
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  slack?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged Lambda bundles', () => {
  it('ingest: an S3 notification for a CloudTrail object writes its alert and hands it to notify', async () => {
    const key = cloudTrailKey('bundle');
    const body = cloudTrailFile([rootConsoleLogin({ sourceIPAddress: '192.0.2.44', eventID: 'bundle-login' })]);
    await stack.putObject(key, body);
    const event: SQSEvent = {
      Records: [
        {
          messageId: 'm-1',
          receiptHandle: 'r-1',
          body: objectCreatedNotification({ bucket: stack.runtime.buckets.raw, key, size: body.length, eTag: 'bundle', eventTime: T0 }),
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: String(T0.toMillis()),
            SenderId: 'test',
            ApproximateFirstReceiveTimestamp: String(T0.toMillis()),
          },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ingest',
          awsRegion: 'us-east-1',
        },
      ],
    };

    expect(await invoke('ingest', event)).toEqual({ batchItemFailures: [] });

    const alerts = await createServices(stack.runtime, stack.clients).alerts.listByStatus('OPEN', 10);
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'AWS.CloudTrail.RootConsoleLogin', dedup: '123456789012:192.0.2.44', matchCount: 1 })]);
    const { Messages } = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.runtime.queues.notify, MaxNumberOfMessages: 10 }));
    expect(Messages?.map((message) => message.Body).join('\n')).toContain(alerts[0]!.id);
  }, 90_000);

  it('slack: a signed slash command is answered 200, and the reply lists the alert ingest wrote', async () => {
    const [alert] = await createServices(stack.runtime, stack.clients).alerts.listByStatus('OPEN', 10);
    const body = slashCommand('alerts', 'UVIEWER').replace(
      encodeURIComponent('https://hooks.slack.com/commands/T0PROWL/1/UVIEWER'),
      encodeURIComponent(slackUrl('/respond/UVIEWER')),
    );

    const response = (await invoke('slack', signedSlackEvent(body))) as { statusCode: number };

    expect(response.statusCode).toBe(200);
    const reply = received.find((request) => request.url === '/respond/UVIEWER');
    expect(reply?.body).toContain(alert!.id);
  }, 90_000);

  it('slack: a request signed with another secret is refused before any listener runs', async () => {
    const body = slashCommand('alerts', 'UFORGER').replace(
      encodeURIComponent('https://hooks.slack.com/commands/T0PROWL/1/UFORGER'),
      encodeURIComponent(slackUrl('/respond/UFORGER')),
    );
    const response = (await invoke('slack', signedSlackEvent(body, { secret: 'not-the-secret' }))) as { statusCode: number };
    expect(response.statusCode).toBe(401);
    expect(received.filter((request) => request.url === '/respond/UFORGER')).toEqual([]);
  }, 90_000);

  it('slack: opening the Home tab publishes the viewer’s tab', async () => {
    const response = (await invoke('slack', signedSlackEvent(appHomeOpened('UHOMEVIEWER'), JSON_REQUEST))) as { statusCode: number };
    expect(response.statusCode).toBe(200);
    const published = received.find((request) => request.url === '/api/views.publish' && request.body.includes('UHOMEVIEWER'));
    expect(decodeURIComponent(published?.body ?? '').replace(/\+/g, ' ')).toContain('Assigned to you (0)');
  }, 90_000);

  it('digest: the scheduled run posts each channel’s digest once, and a retry posts nothing', async () => {
    const first = (await invoke('digest', { 'detail-type': 'Scheduled Event', source: 'aws.events' })) as { posted: string[] };
    expect(first.posted).toContain('#security-alerts');
    const posts = received.filter((request) => request.url === '/api/chat.postMessage' && request.body.includes('daily%20digest'));
    expect(posts.length).toBe(first.posted.length);
    expect(await invoke('digest', { 'detail-type': 'Scheduled Event', source: 'aws.events' })).toEqual({ posted: [], alreadyPosted: first.posted });
  }, 90_000);

  it('compact: the scheduled run has Athena UNLOAD a closed hour to its Parquet prefix and writes the marker', async () => {
    // The machine's clock, as the bundle's: an hour three hours ago is closed and in the lookback.
    const hour = DateTime.utc().startOf('hour').minus({ hours: 3 }).toISO()!;
    const lake = stack.runtime.buckets.lake;
    // Not read again: the emulator has no object tagging and takes the compaction's tagging request for a put.
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: lake, Key: `${jsonHourPrefix('aws_cloudtrail', hour)}bundle.json.gz`, Body: 'json' }));
    const statements: string[] = [];
    // Athena's JSON protocol, answering what compaction calls; an UNLOAD writes its file as Athena would.
    const athena = createServer((request, response) => {
      let body = '';
      request
        .on('data', (chunk) => (body += chunk))
        .on('end', async () => {
          const input = JSON.parse(body || '{}') as { QueryString?: string };
          const action = String(request.headers['x-amz-target']).replace('AmazonAthena.', '');
          let output: unknown = {};
          if (action === 'GetWorkGroup') output = { WorkGroup: { Name: 'prowl-t', Configuration: { BytesScannedCutoffPerQuery: 10 * 2 ** 20 } } };
          if (action === 'GetTableMetadata') output = { TableMetadata: { Name: 'aws_cloudtrail', Columns: [{ Name: 'eventname' }, { Name: 'p_event_time' }] } };
          if (action === 'StartQueryExecution') {
            statements.push(input.QueryString ?? '');
            const location = /TO 's3:\/\/[^/]+\/([^']+)'/.exec(input.QueryString ?? '')![1]!;
            await stack.clients.s3.send(new PutObjectCommand({ Bucket: lake, Key: `${location}q-1_00000`, Body: 'PAR1' }));
            output = { QueryExecutionId: 'q-1' };
          }
          if (action === 'GetQueryExecution')
            output = { QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 4 } } };
          response.setHeader('content-type', 'application/x-amz-json-1.1');
          response.end(JSON.stringify(output));
        });
    });
    await new Promise<void>((resolve) => athena.listen(0, '127.0.0.1', resolve));
    try {
      const summary = await invoke(
        'compact',
        { settleMinutes: 30, lookbackHours: 6 },
        {
          PROWL_SEARCH_BACKEND: 'athena',
          PROWL_ATHENA_WORKGROUP: 'prowl-t',
          PROWL_GLUE_DATABASE: 'prowl_t',
          AWS_ENDPOINT_URL_ATHENA: `http://127.0.0.1:${(athena.address() as AddressInfo).port}`,
          AWS_ACCESS_KEY_ID: 'prowl-local',
          AWS_SECRET_ACCESS_KEY: 'prowl-local',
          // A scheduled run has its 15 minutes ahead of it (with less, it leaves the hours for the next run).
          INVOKE_REMAINING_MS: String(900_000),
        },
      );

      expect(summary).toMatchObject({ compacted: 1, failed: 0, bytesScanned: 4 });
      expect(statements).toEqual([expect.stringContaining(`FROM "prowl_t"."aws_cloudtrail" WHERE "year" = ${Number(hour.slice(0, 4))}`)]);
      const parquet = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: lake, Prefix: parquetHourPrefix('aws_cloudtrail', hour) }));
      expect(parquet.Contents?.map((object) => object.Key)).toEqual([`${parquetHourPrefix('aws_cloudtrail', hour)}q-1_00000`]);
      const marker = await stack.clients.s3.send(new GetObjectCommand({ Bucket: lake, Key: compactedMarkerKey('aws_cloudtrail', hour) }));
      expect(JSON.parse(await marker.Body!.transformToString())).toMatchObject({ sources: 1, bytesScanned: 4 });
    } finally {
      athena.close();
    }
  }, 90_000);
});
