import { DateTime, Settings } from 'luxon';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices, type Services } from '../../src/app/services';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';

const ATTACKER = {
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLEMALLORY',
  arn: 'arn:aws:iam::123456789012:user/mallory',
  accountId: '123456789012',
  userName: 'mallory',
  accessKeyId: 'AKIAEXAMPLEMALLORY',
};

let sequence = 0;
function secretsCall(eventName: string, requestParameters: Record<string, unknown>, errorCode?: string): ReturnType<typeof cloudTrailEvent> {
  sequence += 1;
  return cloudTrailEvent({
    eventID: `secrets-${sequence}`,
    eventSource: 'secretsmanager.amazonaws.com',
    eventName,
    sourceIPAddress: '192.0.2.77',
    userIdentity: ATTACKER,
    requestParameters,
    ...(errorCode ? { errorCode, errorMessage: 'not authorized' } : {}),
  });
}

describe('thresholds that count what attackers do, through the local stack', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let stack: LocalStack;
  let services: Services;
  const t0 = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });
  const at = (minutes: number): void => {
    Settings.now = () => t0.plus({ minutes }).toMillis();
  };

  beforeAll(async () => {
    env = await startStackWithSlack();
    stack = env.stack;
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

  const posts = (): unknown[] =>
    env.slack
      .of('chat.postMessage')
      .filter((c) => !c.body['thread_ts'] && String(c.body['text']).includes('mallory') && String(c.body['text']).includes('secrets'));

  it('counts each secret a batch call names and each denied attempt, across objects, and opens at ten different secrets', async () => {
    at(0);
    await put('secrets-1', [
      secretsCall('BatchGetSecretValue', { secretIdList: ['prod/db/orders', 'prod/api/stripe', 'prod/api/sendgrid', 'prod/db/orders'] }),
      secretsCall('GetSecretValue', { secretId: 'prod/db/orders' }),
      secretsCall('GetSecretValue', { secretId: 'prod/ldap/bind' }, 'AccessDeniedException'),
      secretsCall('GetSecretValue', { secretId: 'prod/vpn/psk' }, 'AccessDeniedException'),
    ]);
    let [alert] = await services.alerts.listByRule('AWS.CloudTrail.SecretsBulkRead', 5);
    // Five calls, but what matters is five different secrets: still below ten.
    expect(alert).toMatchObject({ status: 'PENDING', matchCount: 4, threshold: 10 });
    expect(alert?.distinctValues).toEqual(['prod/db/orders', 'prod/api/stripe', 'prod/api/sendgrid', 'prod/ldap/bind', 'prod/vpn/psk']);

    at(10);
    await put('secrets-2', [secretsCall('BatchGetSecretValue', { secretIdList: ['prod/api/stripe', 'prod/api/github', 'prod/api/slack', 'prod/kafka/sasl'] })]);
    expect(posts()).toHaveLength(0);

    at(20);
    await put('secrets-3', [secretsCall('BatchGetSecretValue', { secretIdList: ['prod/redis/auth', 'prod/smtp/password'] })]);
    [alert] = await services.alerts.listByRule('AWS.CloudTrail.SecretsBulkRead', 5);
    expect(alert).toMatchObject({ status: 'OPEN', matchCount: 6 });
    expect(alert?.distinctValues).toHaveLength(10);
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(env.slack.of('chat.postMessage').at(-1)?.body)).toContain('Distinct values');
  });

  it('does not count a retried object twice', async () => {
    at(25);
    const before = (await services.alerts.listByRule('AWS.CloudTrail.SecretsBulkRead', 5))[0];
    await put('secrets-3', [secretsCall('BatchGetSecretValue', { secretIdList: ['prod/redis/auth', 'prod/smtp/password'] })]);
    const after = (await services.alerts.listByRule('AWS.CloudTrail.SecretsBulkRead', 5))[0];
    expect(after?.distinctValues).toEqual(before?.distinctValues);
  });
});
