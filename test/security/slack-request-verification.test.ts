import { DateTime } from 'luxon';
import { createDynamoRequestLedger } from '../../src/store/dynamo-request-ledger';
import { slashCommand, signedSlackEvent } from '../helpers/slack-requests';
import { startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('requests to the Slack endpoint that are not what Slack signed', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  it('an unsigned request with a fresh timestamp and a broken payload is a 401, and nothing is parsed', async () => {
    const event = signedSlackEvent('payload=%7Bnot-json');
    delete event.headers['x-slack-signature'];
    await expect(env.sendEvent(event)).resolves.toMatchObject({ statusCode: 401 });
    const wrongSecret = signedSlackEvent('payload=%7Bnot-json', { secret: 'guessed' });
    await expect(env.sendEvent(wrongSecret)).resolves.toMatchObject({ statusCode: 401 });
    const garbage = signedSlackEvent('payload=%7Bnot-json', { headers: { 'x-slack-signature': 'v0=zz' } });
    await expect(env.sendEvent(garbage)).resolves.toMatchObject({ statusCode: 401 });
    expect(env.slack.calls).toEqual([]);
  });

  it('a base64-encoded body (as API Gateway may deliver it) is verified on its decoded bytes', async () => {
    const event = signedSlackEvent(slashCommand('help', 'UVIEWER'));
    event.body = Buffer.from(event.body!).toString('base64');
    event.isBase64Encoded = true;
    expect((await env.sendEvent(event)).statusCode).toBe(200);
  });

  it('the same signed request sent twice within the window is done once', async () => {
    await env.alertFrom('198.51.100.70');
    const event = signedSlackEvent(
      slashCommand('suppress AWS.CloudTrail.RootConsoleLogin sourceIPAddress=198.51.100.70 for 1d reason "replayed"', 'URESPONDER'),
    );
    expect((await env.sendEvent(event)).statusCode).toBe(200);
    expect((await env.sendEvent({ ...event })).statusCode).toBe(200);
    expect((await env.services.settings.suppressions()).filter((s) => s.reason === 'replayed')).toHaveLength(1);
  });

  it('forgets a signature once its time has passed, although the table still holds it (TTL deletes lazily)', async () => {
    let now = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });
    const ledger = createDynamoRequestLedger({ ddb: env.stack.clients.ddb, table: env.stack.runtime.tables.slackRequests, now: () => now });
    const signature = `v0=${'ab'.repeat(32)}`;
    expect(await ledger.firstSeen(signature, now.plus({ minutes: 10 }))).toBe(true);
    expect(await ledger.firstSeen(signature, now.plus({ minutes: 10 }))).toBe(false);
    now = now.plus({ minutes: 11 });
    expect(await ledger.firstSeen(signature, now.plus({ minutes: 10 }))).toBe(true);
  });
});
