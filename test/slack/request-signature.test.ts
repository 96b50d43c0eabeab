import { startSlackStack, type SlackStack } from '../helpers/slack-stack';
import { signedSlackEvent, slashCommand } from '../helpers/slack-requests';

describe('requests to the Slack endpoint', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  const body = slashCommand('alerts', 'UADMIN');

  it('are answered when correctly signed', async () => {
    expect((await env.send(body)).statusCode).toBe(200);
    expect(env.slack.of('response_url')).toHaveLength(1);
  });

  it('are refused with 401 when the signature is wrong', async () => {
    expect((await env.send(body, { secret: 'not-the-secret' })).statusCode).toBe(401);
  });

  it('are refused with 401 when the body was changed after signing', async () => {
    const event = signedSlackEvent(body);
    event.body = slashCommand('rules disable AWS.CloudTrail.RootConsoleLogin', 'UADMIN');
    expect((await env.sendEvent(event)).statusCode).toBe(401);
  });

  it('are refused with 401 when the timestamp is stale or in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await env.send(body, { timestamp: now - 10 * 60 })).statusCode).toBe(401);
    expect((await env.send(body, { timestamp: now + 10 * 60 })).statusCode).toBe(401);
  });

  it('are acknowledged without being processed again when Slack retries them', async () => {
    const before = env.slack.of('response_url').length;
    const result = await env.send(body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(result.statusCode).toBe(200);
    expect(env.slack.of('response_url')).toHaveLength(before);
  });
});
