import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { createServices } from '../../src/app/services';
import type { LocalStack } from '../../src/local/local-stack';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';
import { attachmentBlocks, interceptSlack } from '../helpers/slack-api';

describe('a CloudTrail object put in the raw bucket', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop();
  });
  beforeEach(() => {
    slack = interceptSlack();
  });
  afterEach(() => slack.done());

  const ordinaryTraffic = [cloudTrailEvent({ eventID: 'e-1' }), cloudTrailEvent({ eventID: 'e-2', eventName: 'ListBuckets', eventSource: 's3.amazonaws.com' })];

  it('reaches Slack as one alert message with the rule, facts and triage buttons', async () => {
    await stack.putObject(cloudTrailKey('first'), cloudTrailFile([...ordinaryTraffic, rootConsoleLogin()]));
    await stack.runner.idle();

    const posts = slack.calls.filter((call) => call.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body['channel']).toBe('#security-alerts');
    expect(posts[0]!.body['text']).toBe('[HIGH] Root console login to account 123456789012 from 203.0.113.50');

    const blocks = attachmentBlocks(posts[0]!);
    // The header starts with the alert's short number: the first alert of this deployment is #1.
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '#1 Root console login to account 123456789012 from 203.0.113.50' } });
    const facts = JSON.stringify(blocks[1]);
    expect(facts).toContain('AWS.CloudTrail.RootConsoleLogin');
    expect(facts).toContain('203.0.113.50');
    expect(facts).toContain('123456789012');
    const actions = blocks.find((block) => block['type'] === 'actions') as { elements: Array<{ text: { text: string }; action_id: string }> };
    expect(actions.elements.map((button) => button.text.text)).toEqual(['Acknowledge', 'Resolve', 'Suppress…', 'Show events']);
    expect(slack.unmatched).toEqual([]);
  });

  it('does not alert or post again when the same object is put a second time', async () => {
    const file = cloudTrailFile([rootConsoleLogin({ sourceIPAddress: '203.0.113.77', eventID: 'again-1' })]);
    await stack.putObject(cloudTrailKey('twice'), file);
    await stack.runner.idle();
    await stack.putObject(cloudTrailKey('twice'), file);
    await stack.runner.idle();

    expect(slack.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    const services = createServices(stack.runtime, stack.clients);
    const open = (await services.alerts.listByStatus('OPEN', 50)).filter((alert) => alert.dedup === '123456789012:203.0.113.77');
    expect(open).toHaveLength(1);
    expect(open[0]!.matchCount).toBe(1);
  });

  it('quarantines a malformed record with its reason and still processes the good ones', async () => {
    const broken = { ...cloudTrailEvent({ eventID: 'broken-1' }), eventTime: 'yesterday-ish' };
    await stack.putObject(cloudTrailKey('malformed'), cloudTrailFile([broken, rootConsoleLogin({ sourceIPAddress: '203.0.113.99', eventID: 'good-1' })]));
    await stack.runner.idle();

    expect(slack.calls.filter((call) => call.method === 'chat.postMessage' && String(call.body['text']).includes('203.0.113.99'))).toHaveLength(1);
    const listed = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.runtime.buckets.lake, Prefix: 'quarantine/' }));
    const contents = await Promise.all(
      (listed.Contents ?? []).map(async (object) => {
        const result = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.runtime.buckets.lake, Key: object.Key! }));
        return gunzipSync(Buffer.from(await result.Body!.transformToByteArray())).toString('utf8');
      }),
    );
    const lines = contents.flatMap((text) => text.trim().split('\n')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ key: cloudTrailKey('malformed'), position: 1, reason: expect.stringContaining('eventTime') })]);
  });
});
