import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { LocalStack } from '../../src/local/local-stack';
import type { InvocationReport } from '../../src/local/event-source-runner';
import { objectCreatedNotification } from '../../src/ingest/s3-notification';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';
import { interceptSlack } from '../helpers/slack-api';
import { T0 } from '../helpers/alerts';

describe('the local event-source runner', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;
  const reports: InvocationReport[] = [];

  beforeAll(async () => {
    slack = interceptSlack();
    stack = await startTestStack({ visibilityTimeoutSeconds: 1, onInvocation: (report) => reports.push(report) });
  });
  afterAll(async () => {
    await stack.stop();
    slack.done();
  });

  async function depth(logicalId: string): Promise<number> {
    const { Attributes } = await stack.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: stack.provisioned.queues[logicalId]!.url, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
  }

  it('retries only the failed record of a batch and moves it to the DLQ after maxReceiveCount', async () => {
    const ingest = stack.provisioned.queues['IngestQueue']!.url;
    const missing = objectCreatedNotification({ bucket: stack.runtime.buckets.raw, key: cloudTrailKey('never-written'), size: 10, eTag: 'abc', eventTime: T0 });
    // The good object is written first, then both notifications go in together so they share a batch.
    const goodKey = cloudTrailKey('good');
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.runtime.buckets.raw, Key: goodKey, Body: cloudTrailFile([cloudTrailEvent()]) }));
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: ingest, MessageBody: missing }));
    await stack.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: ingest,
        MessageBody: objectCreatedNotification({ bucket: stack.runtime.buckets.raw, key: goodKey, size: 10, eTag: 'good', eventTime: T0 }),
      }),
    );

    await stack.runner.idle({ waitForRetries: true, timeoutMs: 30_000 });

    const ingestRuns = reports.filter((report) => report.functionName === 'ingest');
    // maxReceiveCount is 5: five deliveries of the missing object, each failing alone.
    expect(ingestRuns.reduce((sum, report) => sum + report.failed, 0)).toBe(5);
    expect(ingestRuns.reduce((sum, report) => sum + report.records - report.failed, 0)).toBe(1);
    expect(await depth('IngestDeadLetterQueue')).toBe(1);
    const dead = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.provisioned.queues['IngestDeadLetterQueue']!.url }));
    expect(dead.Messages?.[0]?.Body).toContain('never-written');

    // The ops channel hears once that the source is failing, with the reason, however often the object was retried.
    const opsAlerts = slack.of('chat.postMessage').filter((call) => call.body['channel'] === '#prowl-ops');
    expect(opsAlerts).toHaveLength(1);
    expect(String(opsAlerts[0]!.body['text'])).toMatch(/^\[HIGH\] Log source cloudtrail \(s3:\/\/prowl-t[0-9a-f]+-raw-bucket\/AWSLogs\/\) is failing$/);
    expect(JSON.stringify(opsAlerts[0]!.body)).toContain('does not exist');
  });
});
