import type { LocalStack } from '../../src/local/local-stack';
import { createServices } from '../../src/app/services';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';
import { attachmentBlocks } from '../helpers/slack-api';

describe('more matches for an alert already in Slack', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let stack: LocalStack;
  let slack: typeof env.slack;
  beforeAll(async () => {
    env = await startStackWithSlack();
    ({ stack, slack } = env);
  });
  afterAll(() => env.stop());

  it('update the one message (once per burst) and add the newest event to its thread', async () => {
    const login = (id: string, time: string) => rootConsoleLogin({ sourceIPAddress: '203.0.113.90', eventID: id, eventTime: time });
    await stack.putObject(cloudTrailKey('burst-0'), cloudTrailFile([login('b0', '2026-11-22T10:00:00Z')]));
    await stack.runner.idle();
    expect(slack.of('chat.postMessage')).toHaveLength(1);

    await stack.putObject(cloudTrailKey('burst-1'), cloudTrailFile([login('b1', '2026-11-22T10:05:00Z')]));
    await stack.putObject(cloudTrailKey('burst-2'), cloudTrailFile([login('b2', '2026-11-22T10:07:00Z'), login('b3', '2026-11-22T10:09:00Z')]));
    await stack.runner.idle({ timeoutMs: 30_000 });

    const updates = slack.of('chat.update');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(attachmentBlocks(updates[0]!))).toContain('*Events*\\n4');
    const replies = slack.of('chat.postMessage').filter((call) => call.body['thread_ts']);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body['thread_ts']).toBe('1700000000.000001');
    const reply = JSON.stringify(attachmentBlocks(replies[0]!));
    expect(reply).toContain('3 more matching events* (4 in all');
    expect(reply).toContain('b3');

    const [alert] = await createServices(stack.runtime, stack.clients).alerts.listByStatus('OPEN', 5);
    expect(alert?.slack).toMatchObject({ threadedCount: 4 });
  });
});
