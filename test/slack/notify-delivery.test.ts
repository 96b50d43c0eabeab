import nock from 'nock';
import { createServices } from '../../src/app/services';
import { deliverAlert } from '../../src/notify/deliver-alert';
import { gatewayClient, webApiGateway } from '../../src/slack/gateway';
import type { LocalStack } from '../../src/local/local-stack';
import { openAlert } from '../helpers/alerts';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack, TEST_BOT_TOKEN } from '../helpers/local-stack';

describe('delivering an alert to Slack', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    stack = await startTestStack({ visibilityTimeoutSeconds: 1 });
  });
  afterAll(async () => {
    await stack.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  afterEach(() => nock.cleanAll());

  it('waits out a 429 and then posts exactly once', async () => {
    const posted: string[] = [];
    nock('https://slack.com').post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(200, (_uri, body) => {
        posted.push(String(body));
        return { ok: true, channel: 'C1', ts: '1700000000.000100' };
      });

    await stack.putObject(cloudTrailKey('ratelimited'), cloudTrailFile([rootConsoleLogin({ sourceIPAddress: '203.0.113.201' })]));
    await stack.runner.idle({ waitForRetries: true, timeoutMs: 20_000 });

    expect(posted).toHaveLength(1);
    expect(nock.isDone()).toBe(true);
    const services = createServices(stack.runtime, stack.clients);
    const [alert] = (await services.alerts.listByStatus('OPEN', 50)).filter((a) => a.dedup.endsWith('203.0.113.201'));
    expect(alert?.slack).toMatchObject({ channel: 'C1', ts: '1700000000.000100' });
  });

  it('posts once when two workers deliver the same alert at the same time', async () => {
    const services = createServices(stack.runtime, stack.clients);
    const alert = openAlert({ id: 'AWS.CloudTrail.Test-00000000000000a1' });
    await services.alerts.mutate(alert.id, () => alert);
    let posts = 0;
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage')
      .delay(100)
      .reply(200, () => {
        posts += 1;
        return { ok: true, channel: 'C1', ts: `1700000000.00020${posts}` };
      });
    nock('https://slack.com').persist().post('/api/chat.update').reply(200, { ok: true });
    const deps = { ...services, gateway: webApiGateway(gatewayClient(TEST_BOT_TOKEN)) };

    const outcomes = await Promise.allSettled([deliverAlert(alert.id, deps), deliverAlert(alert.id, deps)]);

    expect(posts).toBe(1);
    // The loser either saw the finished post (and updated it) or was told to retry later; never a second post.
    expect(outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'posted')).toHaveLength(1);
  });

  it('releases its claim when Slack refuses, so the retry can post', async () => {
    const services = createServices(stack.runtime, stack.clients);
    const alert = openAlert({ id: 'AWS.CloudTrail.Test-00000000000000b2' });
    await services.alerts.mutate(alert.id, () => alert);
    const deps = { ...services, gateway: webApiGateway(gatewayClient(TEST_BOT_TOKEN)) };
    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });

    await expect(deliverAlert(alert.id, deps)).rejects.toThrow('Slack refused chat.postMessage: channel_not_found');
    expect((await services.alerts.get(alert.id))?.slack).toBeUndefined();

    nock('https://slack.com').post('/api/chat.postMessage').reply(200, { ok: true, channel: 'C1', ts: '1700000000.000300' });
    await expect(deliverAlert(alert.id, deps)).resolves.toBe('posted');
  });
});
