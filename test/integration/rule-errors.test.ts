import type { LocalStack } from '../../src/local/local-stack';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { defineRule } from '../../src/detect/rule';
import { createDetectionSetup } from '../../src/ingest/detection-setup';
import { ingestObject } from '../../src/ingest/ingest-object';
import { createServices } from '../../src/app/services';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';

/** The pack is handed to the ingest pass, so a test adds a rule with a bug: it reads a field most events do not have. */
const buggy = defineRule({
  id: 'AWS.CloudTrail.BuggyTestRule',
  logTypes: ['AWS.CloudTrail'],
  severity: 'LOW',
  description: 'Throws on every event without request parameters.',
  runbook: 'Fix the rule.',
  tags: [],
  rule: (event) => (event.requestParameters as unknown as { bucketName: { length: number } }).bucketName.length > 0,
  tests: [],
});

describe('a rule that throws', () => {
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let stack: LocalStack;
  let slack: typeof env.slack;
  beforeAll(async () => {
    env = await startStackWithSlack();
    ({ stack, slack } = env);
  });
  afterAll(() => env.stop());

  it('raises one rule-error alert in the ops channel and every other rule still fires', async () => {
    const services = createServices(stack.runtime, stack.clients);
    const key = cloudTrailKey('buggy');
    await stack.clients.s3.send(
      new PutObjectCommand({
        Bucket: stack.runtime.buckets.raw,
        Key: key,
        Body: cloudTrailFile([
          cloudTrailEvent({ eventID: 'e1', requestParameters: null }),
          cloudTrailEvent({ eventID: 'e2', requestParameters: null }),
          rootConsoleLogin({ requestParameters: null }),
        ]),
      }),
    );
    const detection = createDetectionSetup({
      rules: [...services.rules, buggy],
      settings: services.settings,
      detectionSettings: services.detectionSettings,
      timeBudgetMs: 1000,
      now: services.now,
    });
    // The ingest pass as the handler runs it, with the buggy rule; the stack's notify function posts what it queues.
    await ingestObject(
      { bucket: stack.runtime.buckets.raw, key, version: 'v1' },
      { ...services, s3: stack.clients.s3, buckets: stack.runtime.buckets, detection },
    );
    await stack.runner.idle();

    const posts = slack.of('chat.postMessage');
    const ruleErrors = posts.filter((call) => String(call.body['text']).includes('Rule AWS.CloudTrail.BuggyTestRule failed'));
    expect(ruleErrors).toHaveLength(1);
    expect(ruleErrors[0]!.body['channel']).toBe('#prowl-ops');
    expect(String(ruleErrors[0]!.body['text'])).toContain('rule:TypeError');
    expect(posts.filter((call) => String(call.body['text']).includes('Root console login'))).toHaveLength(1);

    const [alert] = await createServices(stack.runtime, stack.clients).alerts.listByRule('Prowl.RuleError', 5);
    expect(alert).toMatchObject({ kind: 'rule-error', matchCount: 3, context: expect.objectContaining({ ruleId: 'AWS.CloudTrail.BuggyTestRule' }) });
  });
});
