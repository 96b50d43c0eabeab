import type { LocalStack } from '../../src/local/local-stack';
import type { Rule } from '../../src/detect/rule';
import { createServices } from '../../src/services';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { startStackWithSlack } from '../helpers/local-stack';

// The pack, plus one rule with a bug: it reads a field that most events do not have.
jest.mock('../../detections', () => {
  const actual = jest.requireActual<{ rules: Rule[] }>('../../detections');
  const { defineRule } = jest.requireActual<typeof import('../../src/detect/rule')>('../../src/detect/rule');
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
  return { rules: [...actual.rules, buggy] };
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
    await stack.putObject(cloudTrailKey('buggy'), cloudTrailFile([cloudTrailEvent({ eventID: 'e1', requestParameters: null }), cloudTrailEvent({ eventID: 'e2', requestParameters: null }), rootConsoleLogin({ requestParameters: null })]));
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
