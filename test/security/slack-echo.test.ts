import { slashCommand } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

/** What Slack sends for `<!channel>` typed into a slash command: it escapes <, > and & itself. */
const TYPED_CHANNEL_PING = '&lt;!channel&gt;';

describe('user input echoed back by the bot', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  it("a viewer's rejected search never reaches the channel, and its echo carries no live ping", async () => {
    await env.send(slashCommand(`search AWS.CloudTrail since 2026-01-01${TYPED_CHANNEL_PING}`, 'UVIEWER'));
    expect(lastReply(env.slack)).not.toContain('<!channel>');
    await env.stack.runner.idle();

    expect(env.slack.of('chat.postMessage')).toEqual([]);
    const answers = env.slack.of('chat.postEphemeral');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body['user']).toBe('UVIEWER');
    const text = JSON.stringify(answers[0]!.body);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('a command error quoting what was typed is escaped', async () => {
    await env.send(slashCommand(`ack ${TYPED_CHANNEL_PING}`, 'URESPONDER'));
    expect(lastReply(env.slack)).not.toContain('<!channel>');
  });
});
