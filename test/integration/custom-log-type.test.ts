import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { attachmentBlocks } from '../helpers/slack-api';
import { join } from 'node:path';
import { startStackWithSlack } from '../helpers/local-stack';

describe('a log type declared in the configuration', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  beforeAll(async () => {
    env = await startStackWithSlack({ configPath: join(__dirname, '..', 'fixtures', 'prowl.custom.config.yml') });
  });
  afterAll(() => env.stop());

  it('is parsed, normalized with its indicators and written to its own lake table; bad lines are quarantined', async () => {
    const lines = [
      { occurred_at: '2026-11-22T10:00:00Z', action: 'login', actor: { email: 'alice@example.com' }, client_ip: '198.51.100.4' },
      { action: 'no time, which is required' },
      { occurred_at: '2026-11-22T10:05:00Z', action: 'export', actor: { email: 'bob@example.com' }, client_ip: '198.51.100.5' },
    ];
    await env.stack.putObject('app/2026/11/22/audit.jsonl', lines.map((line) => JSON.stringify(line)).join('\n'));
    await env.stack.runner.idle();

    const lake = await env.stack.clients.s3.send(new ListObjectsV2Command({ Bucket: env.stack.runtime.buckets.lake }));
    const keys = (lake.Contents ?? []).map((object) => object.Key!);
    expect(keys.filter((key) => key.startsWith('logs/custom_appaudit/year=2026/month=11/day=22/hour=10/'))).toHaveLength(1);
    expect(keys.filter((key) => key.startsWith('quarantine/'))).toHaveLength(1);
  });

  it('is searchable like the built-in ones', async () => {
    await env.stack.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: env.stack.provisioned.queues['JobsQueue']!.url,
        MessageBody: JSON.stringify({
          type: 'search',
          query: 'Custom.AppAudit action=export since 2026-11-22 until 2026-11-23 fields action,client_ip',
          replyTo: { channel: 'C0SEC', user: 'U0ALICE' },
        }),
      }),
    );
    await env.stack.runner.idle();
    const posted = env.slack.of('chat.postMessage').find((call) => String(call.body['text']).startsWith('Search'))!;
    expect(String(posted.body['text'])).toMatch(/^Search: 1 row · /);
    expect(JSON.stringify(attachmentBlocks(posted))).toContain('198.51.100.5');
  });
});
