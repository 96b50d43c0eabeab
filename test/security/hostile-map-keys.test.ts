import { gzipSync } from 'node:zlib';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { LocalStack } from '../../src/local/local-stack';
import { createServices } from '../../src/app/services';
import { cloudTrailKey, deniedSqsCalls, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { withHostileKeys } from '../helpers/hostile-json';
import { startTestStack } from '../helpers/local-stack';
import { interceptSlack } from '../helpers/slack-api';

describe('attacker-chosen map keys in a CloudTrail file', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    slack = interceptSlack();
    stack = await startTestStack({ visibilityTimeoutSeconds: 1 });
  });
  afterAll(async () => {
    await stack.stop();
    slack.done();
  });

  async function depth(logicalId: string): Promise<number> {
    const { Attributes } = await stack.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: stack.provisioned.queues[logicalId]!.url, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
  }

  it('alert on the denied calls and on the root login in the same file, and nothing goes to the DLQ', async () => {
    const denied = deniedSqsCalls(20, () => ({
      requestParameters: { queueName: 'q', tags: { PROTO: { polluted: 'yes' }, constructor: { prototype: 'x' }, toString: 'x', '': 'empty', EMPTYMAP: {} } },
    }));
    const text = withHostileKeys({ Records: [...denied, rootConsoleLogin({ sourceIPAddress: '203.0.113.31', eventID: 'root-31' })] }, { PROTO: '__proto__' });
    expect(text).toContain('"__proto__":{"polluted":"yes"}');
    await stack.putObject(cloudTrailKey('hostile-keys'), gzipSync(text));
    await stack.runner.idle({ waitForRetries: true, timeoutMs: 30_000 });

    const posts = slack.of('chat.postMessage').map((call) => String(call.body['text']));
    expect(posts).toEqual(expect.arrayContaining([expect.stringContaining('Root console login'), expect.stringContaining('Many denied API calls')]));
    expect(await depth('IngestDeadLetterQueue')).toBe(0);

    // The samples survive the round trip through DynamoDB with the hostile keys as plain data.
    const services = createServices(stack.runtime, stack.clients);
    const [burst] = await services.alerts.listByRule('AWS.CloudTrail.AccessDeniedBurst', 5);
    const tags = (burst!.samples[0]!['requestParameters'] as { tags: Record<string, unknown> }).tags;
    expect(Object.getOwnPropertyNames(tags)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', '']));
    expect(Object.hasOwn(tags, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
