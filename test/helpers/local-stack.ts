import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { startLocalStack, type LocalSlack, type LocalStack, type LocalStackOptions } from '../../src/local/local-stack';
import { interceptSlack } from './slack-api';

export const ROOT = join(__dirname, '..', '..');
export const TEST_BOT_TOKEN = 'xoxb-test-token';

/** A stage of its own inside the shared emulators, so test files never see each other's data. */
export async function startTestStack(
  options: Partial<Pick<LocalStackOptions, 'visibilityTimeoutSeconds' | 'configPath' | 'sigmaDir' | 'onInvocation' | 'schedules'>> & {
    slack?: LocalSlack;
  } = {},
): Promise<LocalStack> {
  const emulators = z.object({ dynamodb: z.url(), aws: z.url() }).parse(JSON.parse(process.env.PROWL_TEST_EMULATORS ?? 'null'));
  return startLocalStack({
    root: ROOT,
    stage: `t${randomBytes(4).toString('hex')}`,
    emulators,
    // Scheduled functions run when a test calls stack.schedules.tick(), on its frozen clock.
    schedules: 'manual',
    ...options,
    slack: withoutPostSpacing(options.slack ?? { mode: 'slack', botToken: TEST_BOT_TOKEN }),
  });
}

/** A test stack with Slack's Web API intercepted: the setup most integration tests share. */
export async function startStackWithSlack(
  options: Parameters<typeof startTestStack>[0] = {},
): Promise<{ stack: LocalStack; slack: ReturnType<typeof interceptSlack>; stop(): Promise<void> }> {
  const slack = interceptSlack();
  const stack = await startTestStack(options);
  return {
    stack,
    slack,
    async stop() {
      await stack.stop();
      slack.done();
    },
  };
}

/**
 * Tests talk to a fake Slack (nock, a loopback server) that has no rate limit: posts take turns as
 * in production but without Slack's second between them, unless a test asks for a spacing.
 */
function withoutPostSpacing(slack: LocalSlack): LocalSlack {
  return slack.mode === 'slack' && slack.postSpacingMs === undefined ? { ...slack, postSpacingMs: 0 } : slack;
}
