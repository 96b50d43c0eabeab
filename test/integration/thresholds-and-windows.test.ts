import { DateTime, Settings } from 'luxon';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices, type Services } from '../../src/app/services';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';

function failedLogin(id: string): ReturnType<typeof cloudTrailEvent> {
  return cloudTrailEvent({
    eventID: id,
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    sourceIPAddress: '192.0.2.200',
    userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/carol', accountId: '123456789012', userName: 'carol' },
    errorMessage: 'Failed authentication',
    responseElements: { ConsoleLogin: 'Failure' },
  });
}

describe('alert thresholds and dedup windows, through the local stack', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let stack: LocalStack;
  let services: Services;
  let slack: typeof env.slack;
  const t0 = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });
  const at = (minutes: number): void => {
    Settings.now = () => t0.plus({ minutes }).toMillis();
  };

  beforeAll(async () => {
    env = await startStackWithSlack();
    ({ stack, slack } = env);
    services = createServices(stack.runtime, stack.clients);
  });
  afterAll(async () => {
    Settings.now = () => Date.now();
    await env.stop();
  });

  async function put(name: string, records: unknown[]): Promise<void> {
    await stack.putObject(cloudTrailKey(name), cloudTrailFile(records));
    await stack.runner.idle({ timeoutMs: 30_000 });
  }

  it('keeps a threshold rule quiet until the count is reached within the window, then alerts once', async () => {
    at(0);
    await put('failures-1', [failedLogin('f1'), failedLogin('f2')]);
    at(10);
    await put('failures-2', [failedLogin('f3'), failedLogin('f4')]);
    expect(slack.of('chat.postMessage').filter((c) => String(c.body['text']).includes('failed console logins'))).toHaveLength(0);

    at(20);
    await put('failures-3', [failedLogin('f5')]);
    const posts = slack.of('chat.postMessage').filter((c) => String(c.body['text']).includes('Repeated failed console logins for carol'));
    expect(posts).toHaveLength(1);
    const [alert] = await services.alerts.listByRule('AWS.CloudTrail.ConsoleLoginFailures', 5);
    expect(alert).toMatchObject({ status: 'OPEN', matchCount: 5, threshold: 5 });
  });

  it('folds matches into the window opened by the first one, and opens a new alert after it ends', async () => {
    at(100);
    await put('window-1', [rootConsoleLogin({ eventID: 'w1', sourceIPAddress: '203.0.113.66' })]);
    at(150);
    await put('window-2', [rootConsoleLogin({ eventID: 'w2', sourceIPAddress: '203.0.113.66' })]);
    let alerts = (await services.alerts.listByRule('AWS.CloudTrail.RootConsoleLogin', 10)).filter((a) => a.dedup.endsWith('203.0.113.66'));
    expect(alerts).toEqual([expect.objectContaining({ matchCount: 2, windowStart: t0.plus({ minutes: 100 }).toISO() })]);

    at(161); // the 60-minute window opened at minute 100 has ended
    await put('window-3', [rootConsoleLogin({ eventID: 'w3', sourceIPAddress: '203.0.113.66' })]);
    alerts = (await services.alerts.listByRule('AWS.CloudTrail.RootConsoleLogin', 10)).filter((a) => a.dedup.endsWith('203.0.113.66'));
    expect(alerts.map((a) => [a.windowStart, a.matchCount]).sort()).toEqual([
      [t0.plus({ minutes: 100 }).toISO(), 2],
      [t0.plus({ minutes: 161 }).toISO(), 1],
    ]);
    expect(slack.of('chat.postMessage').filter((c) => !c.body['thread_ts'] && String(c.body['text']).includes('203.0.113.66'))).toHaveLength(2);
  });
});
