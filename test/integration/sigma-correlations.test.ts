import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DateTime, Settings } from 'luxon';
import { stringify } from 'yaml';
import { objectCreatedNotification } from '../../src/ingest/s3-notification';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices, type Services } from '../../src/app/services';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';

type IngestHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Rules and correlations in a folder of their own, as a user would bring them. */
function writeSigmaDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prowl-correlations-'));
  const rule = (name: string, eventName: string): Record<string, unknown> => ({
    title: name.replace(/_/g, ' '),
    id: `${name}-0000-4000-8000-000000000000`,
    name,
    author: 'Prowl tests',
    level: 'low',
    logsource: { product: 'aws', service: 'cloudtrail' },
    detection: { selection: { eventName }, condition: 'selection' },
  });
  const correlation = (title: string, body: Record<string, unknown>): Record<string, unknown> => ({
    title,
    author: 'Prowl tests',
    level: 'high',
    correlation: { 'group-by': ['userIdentity.arn'], ...body },
  });
  const documents = [
    rule('secret_read', 'GetSecretValue'),
    rule('key_created', 'CreateAccessKey'),
    rule('trail_stopped', 'StopLogging'),
    correlation('Burst Of Secret Reads', { type: 'event_count', rules: ['secret_read'], timespan: '30m', condition: { gte: 4 } }),
    correlation('Many Distinct Secrets Read', {
      type: 'value_count',
      rules: ['secret_read'],
      timespan: '30m',
      condition: { field: 'requestParameters.secretId', gte: 3 },
    }),
    correlation('Key Created Then Trail Stopped', { type: 'temporal', rules: ['key_created', 'trail_stopped'], timespan: '15m' }),
  ];
  writeFileSync(join(dir, 'correlations.yml'), documents.map((document) => stringify(document)).join('---\n'));
  // A rule Prowl cannot run: logged at start and skipped, never a reason for the others not to run.
  writeFileSync(
    join(dir, 'broken.yml'),
    stringify({ ...rule('broken', 'x'), detection: { selection: { 'eventName|containz': 'x' }, condition: 'selection' } }),
  );
  return dir;
}

const principal = (name: string): Record<string, unknown> => ({
  type: 'IAMUser',
  arn: `arn:aws:iam::123456789012:user/${name}`,
  accountId: '123456789012',
  userName: name,
});
const secretRead = (id: string, who: string, secretId: string): ReturnType<typeof cloudTrailEvent> =>
  cloudTrailEvent({
    eventID: id,
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    userIdentity: principal(who),
    requestParameters: { secretId },
  });

describe('Sigma correlation rules on the alert state, through the local stack', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let stack: LocalStack;
  let services: Services;
  let sigmaDir: string;
  const t0 = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });
  const at = (minutes: number): void => {
    Settings.now = () => t0.plus({ minutes }).toMillis();
  };
  const posts = (title: string): unknown[] =>
    env.slack.of('chat.postMessage').filter((call) => !call.body['thread_ts'] && String(call.body['text']).includes(title));

  beforeAll(async () => {
    sigmaDir = writeSigmaDir();
    env = await startStackWithSlack({ sigmaDir });
    stack = env.stack;
    services = createServices(stack.runtime, stack.clients);
  });
  afterAll(async () => {
    Settings.now = () => Date.now();
    await env.stop();
    rmSync(sigmaDir, { recursive: true, force: true });
  });

  async function put(name: string, records: unknown[]): Promise<void> {
    await stack.putObject(cloudTrailKey(name), cloudTrailFile(records));
    await stack.runner.idle({ timeoutMs: 30_000 });
  }

  it('loads the folder rule by rule: the broken rule is left out, the correlations run', () => {
    const ids = services.rules.map((rule) => rule.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'Sigma.AWS.CloudTrail.BurstOfSecretReads',
        'Sigma.AWS.CloudTrail.ManyDistinctSecretsRead',
        'Sigma.AWS.CloudTrail.KeyCreatedThenTrailStopped',
      ]),
    );
    expect(ids).not.toContain('Sigma.AWS.CloudTrail.Broken');
  });

  it('event_count: a window that spans two SQS batches alerts once the group reaches the count, and not for another principal', async () => {
    at(0);
    await put('count-1', [secretRead('c1', 'carol', 's1'), secretRead('c2', 'carol', 's1'), secretRead('d1', 'dave', 's1')]);
    expect(posts('Burst Of Secret Reads')).toHaveLength(0);
    at(10);
    await put('count-2', [secretRead('c3', 'carol', 's1'), secretRead('c4', 'carol', 's1'), secretRead('d2', 'dave', 's1')]);
    expect(posts('Burst Of Secret Reads')).toHaveLength(1);
    const alerts = await services.alerts.listByRule('Sigma.AWS.CloudTrail.BurstOfSecretReads', 10);
    expect(alerts.map((alert) => [alert.dedup, alert.status, alert.matchCount]).sort()).toEqual([
      ['userIdentity.arn="arn:aws:iam::123456789012:user/carol"', 'OPEN', 4],
      ['userIdentity.arn="arn:aws:iam::123456789012:user/dave"', 'PENDING', 2],
    ]);
    expect(alerts.find((alert) => alert.status === 'OPEN')).toMatchObject({
      author: 'Prowl tests',
      threshold: 4,
      context: expect.objectContaining({ correlation: expect.objectContaining({ type: 'event_count' }) }),
    });
  });

  it('value_count: distinct values count across batches; the same value read again adds nothing', async () => {
    at(100);
    await put('values-1', [secretRead('v1', 'erin', 'a'), secretRead('v2', 'erin', 'a'), secretRead('v3', 'erin', 'b')]);
    at(105);
    await put('values-2', [secretRead('v4', 'erin', 'b'), secretRead('v5', 'erin', 'a')]);
    expect(posts('Many Distinct Secrets Read')).toHaveLength(0);
    at(110);
    await put('values-3', [secretRead('v6', 'erin', 'c')]);
    expect(posts('Many Distinct Secrets Read')).toHaveLength(1);
    const [alert] = await services.alerts.listByRule('Sigma.AWS.CloudTrail.ManyDistinctSecretsRead', 10);
    expect(alert).toMatchObject({ status: 'OPEN', matchCount: 6, threshold: 3 });
    expect(alert?.distinctValues).toHaveLength(3);
  });

  it('temporal: both rules by one principal within the timespan alert; the window closing in between does not', async () => {
    const keyCreated = (id: string, who: string): ReturnType<typeof cloudTrailEvent> =>
      cloudTrailEvent({
        eventID: id,
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreateAccessKey',
        userIdentity: principal(who),
        requestParameters: { userName: 'ci' },
      });
    const trailStopped = (id: string, who: string): ReturnType<typeof cloudTrailEvent> =>
      cloudTrailEvent({
        eventID: id,
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        userIdentity: principal(who),
        requestParameters: { name: 'main' },
      });
    at(200);
    await put('temporal-1', [keyCreated('t1', 'frank'), keyCreated('t2', 'grace')]);
    at(220); // grace's 15-minute window has closed
    await put('temporal-2', [trailStopped('t3', 'grace')]);
    at(221);
    await put('temporal-3', [keyCreated('t4', 'frank')]);
    expect(posts('Key Created Then Trail Stopped')).toHaveLength(0);
    at(225);
    await put('temporal-4', [trailStopped('t5', 'frank')]);
    expect(posts('Key Created Then Trail Stopped')).toHaveLength(1);
    const alerts = await services.alerts.listByRule('Sigma.AWS.CloudTrail.KeyCreatedThenTrailStopped', 10);
    expect(alerts.filter((alert) => alert.status === 'OPEN').map((alert) => alert.dedup)).toEqual(['userIdentity.arn="arn:aws:iam::123456789012:user/frank"']);
  });

  it('two workers, each a cold start of the ingest function, writing one window from two concurrent batches count every match once', async () => {
    const workers = [0, 1].map((): IngestHandler => {
      let handler: IngestHandler | undefined;
      jest.isolateModules(() => {
        handler = (require('../../handlers/ingest') as { handler: IngestHandler }).handler;
      });
      return handler!;
    });
    const batch = async (name: string, records: unknown[], worker: IngestHandler): Promise<SQSBatchResponse> => {
      const key = cloudTrailKey(name);
      const body = cloudTrailFile(records);
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.runtime.buckets.raw, Key: key, Body: body }));
      const eTag = createHash('md5').update(body).digest('hex');
      const message = objectCreatedNotification({ bucket: stack.runtime.buckets.raw, key, size: body.length, eTag, eventTime: DateTime.utc() });
      const event: SQSEvent = {
        Records: [
          {
            messageId: `m-${name}`,
            receiptHandle: `r-${name}`,
            body: message,
            attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'test', ApproximateFirstReceiveTimestamp: '0' },
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ingest',
            awsRegion: 'us-east-1',
          },
        ],
      };
      return worker(event, { getRemainingTimeInMillis: () => 60_000 } as unknown as Context);
    };

    at(300);
    const reads = (prefix: string): unknown[] => [1, 2, 3].map((n) => secretRead(`${prefix}${n}`, 'heidi', `${prefix}-${n}`));
    const results = await Promise.all([batch('workers-1', reads('w1-'), workers[0]!), batch('workers-2', reads('w2-'), workers[1]!)]);
    expect(results).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    await stack.runner.idle({ timeoutMs: 30_000 });

    const burst = await services.alerts.listByRule('Sigma.AWS.CloudTrail.BurstOfSecretReads', 10);
    expect(burst.filter((alert) => alert.dedup.includes('heidi')).map((alert) => [alert.status, alert.matchCount])).toEqual([['OPEN', 6]]);
    const distinct = (await services.alerts.listByRule('Sigma.AWS.CloudTrail.ManyDistinctSecretsRead', 10)).filter((alert) => alert.dedup.includes('heidi'));
    expect(distinct.map((alert) => [alert.status, alert.distinctValues?.length])).toEqual([['OPEN', 6]]);
    expect(posts('Burst Of Secret Reads').filter((call) => JSON.stringify(call).includes('user/heidi'))).toHaveLength(1);

    // A retry of one of those batches (at-least-once delivery) changes nothing.
    await batch('workers-1', reads('w1-'), workers[1]!);
    await stack.runner.idle({ timeoutMs: 30_000 });
    const [again] = (await services.alerts.listByRule('Sigma.AWS.CloudTrail.BurstOfSecretReads', 10)).filter((alert) => alert.dedup.includes('heidi'));
    expect(again?.matchCount).toBe(6);
  });
});
