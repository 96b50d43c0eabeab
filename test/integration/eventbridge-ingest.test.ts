import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices } from '../../src/app/services';
import { rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';

function envelope(id: string, detailType: string, detail: unknown): string {
  return JSON.stringify({
    version: '0',
    id,
    'detail-type': detailType,
    source: 'aws.signin',
    account: '123456789012',
    time: '2026-11-22T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
  });
}

describe('CloudTrail events forwarded by EventBridge', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let stack: LocalStack;
  beforeAll(async () => {
    env = await startStackWithSlack();
    stack = env.stack;
  });
  afterAll(() => env.stop());

  async function send(body: string): Promise<void> {
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.provisioned.queues['IngestQueue']!.url, MessageBody: body }));
    await stack.runner.idle();
  }

  it('are detected on in real time and written to the lake, once however often they are delivered', async () => {
    const event = envelope('eb-1', 'AWS Console Sign In via CloudTrail', rootConsoleLogin({ sourceIPAddress: '203.0.113.140' }));
    await send(event);
    await send(event); // EventBridge delivers at least once

    const posts = env.slack.of('chat.postMessage').filter((call) => String(call.body['text']).includes('203.0.113.140'));
    expect(posts).toHaveLength(1);
    const [alert] = (await createServices(stack.runtime, stack.clients).alerts.listByStatus('OPEN', 20)).filter((a) => a.dedup.endsWith('203.0.113.140'));
    expect(alert).toMatchObject({ matchCount: 1 });
    expect(alert!.samples[0]!.p_source_label).toBe('eventbridge:aws.signin');
    const lake = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.runtime.buckets.lake, Prefix: 'logs/aws_cloudtrail/' }));
    expect(lake.Contents ?? []).toHaveLength(1);
  });

  it('keeps an event no specific log type reads whole, as AWS.CloudWatchEvents', async () => {
    await send(envelope('eb-2', 'EC2 Instance State-change Notification', { 'instance-id': 'i-0a1b2c3d4e5f60718', state: 'running' }));
    const lake = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.runtime.buckets.lake, Prefix: 'logs/aws_cloudwatchevents/' }));
    expect(lake.Contents ?? []).toHaveLength(1);
    const file = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.runtime.buckets.lake, Key: lake.Contents![0]!.Key! }));
    const row = JSON.parse(
      gunzipSync(Buffer.from(await file.Body!.transformToByteArray()))
        .toString('utf8')
        .trim(),
    ) as Record<string, unknown>;
    expect(row).toMatchObject({
      'detail-type': 'EC2 Instance State-change Notification',
      detail: { state: 'running' },
      p_log_type: 'AWS.CloudWatchEvents',
      p_source_label: 'eventbridge:aws.signin',
      p_any_aws_instance_ids: ['i-0a1b2c3d4e5f60718'],
    });
    const quarantined = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.runtime.buckets.lake, Prefix: 'quarantine/' }));
    expect(quarantined.Contents ?? []).toHaveLength(0);
  });
});
