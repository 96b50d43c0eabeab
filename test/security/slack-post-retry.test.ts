import nock from 'nock';
import type { LocalStack } from '../../src/local/local-stack';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';

describe('a chat.postMessage that Slack answers only after the client has given up', () => {
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

  it('is not sent again by the client, so the alert is posted once', async () => {
    const requests: string[] = [];
    // Slack posts the message but answers after the client's 5-second timeout; any later call is answered at once.
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .delay(6000)
      .reply(200, (_uri, body) => (requests.push(String(body)), { ok: true, channel: 'C1', ts: '1700000000.000900' }));
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage')
      .reply(200, (_uri, body) => (requests.push(String(body)), { ok: true, channel: 'C1', ts: '1700000000.000901' }));

    await stack.putObject(cloudTrailKey('slow-slack'), cloudTrailFile([rootConsoleLogin({ sourceIPAddress: '203.0.113.202' })]));
    await stack.runner.idle({ waitForRetries: true, timeoutMs: 25_000 });

    expect(requests).toHaveLength(1);
  }, 40_000);
});
