import type { Collector } from '../../src/scan/collector';
import { COLLECTORS } from '../../src/scan/collectors';
import { accessDenied, answeringEverything, collectContext, mockedClients, recordingSleep, throttled, type MockedClients } from './aws-mocks';

const every = COLLECTORS.map((collector) => [collector.resourceType, collector] as [string, Collector]);

function ctxFor(collector: Collector, sleep?: (ms: number) => Promise<void>): ReturnType<typeof collectContext> {
  const base = collectContext({ region: collector.scope === 'account' ? 'global' : 'us-east-1' });
  return sleep ? { ...base, retry: { ...base.retry, sleep } } : base;
}

const SERVICES = [
  's3',
  'iam',
  'ec2',
  'cloudtrail',
  'kms',
  'lambda',
  'dynamodb',
  'cloudformation',
  'logs',
  'acm',
  'ecs',
  'eks',
  'elbv2',
  'guardduty',
  'config',
  'rds',
  'redshift',
  'accessanalyzer',
  's3control',
  'waf',
  'wafRegional',
] as const;

/** What the test needs of any service's mock, whatever its command types. */
interface AnyStub {
  onAnyCommand(): { rejects(error: Error): unknown };
}

/** Makes each service's first request answer with throttling, as AWS does under a burst. */
function throttleFirstCalls(aws: MockedClients): void {
  for (const service of SERVICES) {
    const client = aws.clients[service] as unknown as { send: (...args: unknown[]) => Promise<unknown> };
    const answer = client.send;
    let first = true;
    client.send = (...args) => {
      if (!first) return answer.apply(client, args);
      first = false;
      return Promise.reject(throttled());
    };
  }
}

describe('every collector', () => {
  it.each(every)('%s turns access denied in a region into one error for the type there, and never throws', async (type, collector) => {
    const aws = mockedClients();
    // EC2 says UnauthorizedOperation, the others AccessDenied(Exception); all read as access denied.
    for (const service of SERVICES)
      (aws[service] as unknown as AnyStub).onAnyCommand().rejects(accessDenied(service === 'ec2' ? 'UnauthorizedOperation' : 'AccessDeniedException'));

    const result = await collector.collect(aws.clients, { ...ctxFor(collector), ...(collector.scope === 'region' ? { region: 'eu-west-1' } : {}) });

    expect(result.resources).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      accountId: '123456789012',
      region: collector.scope === 'account' ? 'global' : 'eu-west-1',
      resourceType: type,
      kind: 'access-denied',
    });
    expect(result.errors[0]).not.toHaveProperty('resourceId');
  });

  it.each(every)('%s rides out throttling and collects what it collects unthrottled', async (_type, collector) => {
    const expected = await collector.collect(answeringEverything().clients, ctxFor(collector));
    const aws = answeringEverything();
    throttleFirstCalls(aws);
    const { sleep, delays } = recordingSleep();

    const result = await collector.collect(aws.clients, ctxFor(collector, sleep));

    expect(expected.resources.length).toBeGreaterThan(0);
    expect(result).toEqual(expected);
    expect(delays.length).toBeGreaterThan(0);
  });
});
