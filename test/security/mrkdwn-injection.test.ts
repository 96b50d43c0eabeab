import type { LocalStack } from '../../src/local/local-stack';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';
import { attachmentBlocks, interceptSlack } from '../helpers/slack-api';

const PAYLOAD = '```\n<!channel> <https://evil.example|Your session expired> <@U0ADMIN> <#C0SECRET> \u001b[2J';

describe('log fields that carry Slack markup, posted as an alert', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    slack = interceptSlack();
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop();
    slack.done();
  });

  it('reach Slack escaped: no ping, no link, no mention, no forged field, in the message or its thread reply', async () => {
    const login = (eventID: string, eventTime: string) =>
      rootConsoleLogin({
        eventID,
        eventTime,
        sourceIPAddress: '203.0.113.66',
        userAgent: PAYLOAD,
        awsRegion: 'us-east-1\n*Status* Resolved',
        userIdentity: {
          type: 'Root',
          principalId: '123456789012',
          arn: 'arn:aws:iam::123456789012:root',
          accountId: '123456789012',
          userName: '<!here>\n*Status*',
        },
      });
    await stack.putObject(cloudTrailKey('markup-1'), cloudTrailFile([login('m-1', '2026-11-22T10:00:00Z')]));
    await stack.runner.idle();
    await stack.putObject(cloudTrailKey('markup-2'), cloudTrailFile([login('m-2', '2026-11-22T10:05:00Z')]));
    await stack.runner.idle({ waitForRetries: true, timeoutMs: 20_000 });

    const posts = slack.of('chat.postMessage');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    for (const post of posts) {
      const all = JSON.stringify(post.body);
      for (const live of ['<!channel>', '<!here>', '<https://evil', '<@U0ADMIN>', '<#C0SECRET>']) expect(all).not.toContain(live);
      // (JSON-encoded as the six characters \u001b inside the context's code block, which is harmless text.)
      const strings: string[] = [];
      JSON.parse(JSON.stringify(attachmentBlocks(post)), (_key, value: unknown) => (typeof value === 'string' && strings.push(value), value));
      expect(strings.join('')).not.toContain('\u001b');
      expect(String(post.body['text'])).not.toMatch(/\n/);
    }
    const fields = (attachmentBlocks(posts[0]!)[1] as { fields: Array<{ text: string }> }).fields.map((field) => field.text);
    expect(fields.find((text) => text.startsWith('*Region*'))).toBe('*Region*\nus-east-1 ⏎ *Status* Resolved');
    expect(fields.filter((text) => text.startsWith('*Status*'))).toEqual(['*Status*\nOpen']);
    expect(JSON.stringify(attachmentBlocks(posts[0]!))).toContain('&lt;!channel&gt; &lt;https://evil.example|Your session expired&gt;');
  });
});
