import { ListObjectsV2Command } from '@aws-sdk/client-s3';
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
});
