import { join } from 'node:path';
import { STORM_ACTIONS } from '../../src/slack/storm-message';
import { T0 } from '../helpers/alerts';
import { freezeClock } from '../helpers/clock';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { attachmentBlocks, type CapturedCall } from '../helpers/slack-api';
import { buttonClick, slashCommand } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

const RULE = 'AWS.CloudTrail.RootConsoleLogin';
/** Posts to one channel go out about a second apart, and the suite shares two cores: a storm takes a while. */
const STORM_TEST_MS = 180_000;

describe('storm control', () => {
  let env: SlackStack;
  const clock = freezeClock(T0.plus({ hours: 2 }));
  beforeAll(async () => {
    env = await startSlackStack({ configPath: join(__dirname, '..', 'fixtures', 'prowl.storm.config.yml') });
  });
  afterAll(async () => {
    await env.stop();
    clock.restore();
  });

  /** Root console logins from `count` addresses in one file: one alert per address, all of one rule. */
  async function logins(name: string, count: number, prefix: string): Promise<void> {
    const records = Array.from({ length: count }, (_, i) => rootConsoleLogin({ sourceIPAddress: `${prefix}.${i + 1}`, eventID: `${name}-${i}` }));
    await env.stack.putObject(cloudTrailKey(name), cloudTrailFile(records));
    await env.stack.runner.idle({ waitForRetries: true, timeoutMs: 180_000 });
  }

  /** The storm of 50, for the tests of its buttons. */
  let stormId = '';
  const text = (call: CapturedCall): string => JSON.stringify(attachmentBlocks(call));
  const postsSince = (mark: number): CapturedCall[] => env.slack.calls.slice(mark).filter((call) => call.method === 'chat.postMessage');

  it(
    'posts each alert on its own while a rule stays at or below the threshold',
    async () => {
      const mark = env.slack.calls.length;
      await logins('calm', 3, '198.51.100');

      const posts = postsSince(mark);
      expect(posts).toHaveLength(3);
      expect(posts.every((post) => post.body['thread_ts'] === undefined)).toBe(true);
      expect(posts.map(text).join()).not.toContain('Storm');
    },
    STORM_TEST_MS,
  );

  it(
    'groups a storm of 50 alerts under one message, lists every alert in its thread, and updates the count',
    async () => {
      clock.advance(10); // past the calm window: a new storm window starts with this burst
      const mark = env.slack.calls.length;
      await logins('storm', 50, '203.0.113');

      const posts = postsSince(mark);
      const topLevel = posts.filter((post) => post.body['thread_ts'] === undefined);
      const group = topLevel.filter((post) => String(post.body['text']).includes('Storm'));
      // The threshold's worth went out one by one before the storm was known; then one grouped message.
      expect(group).toHaveLength(1);
      expect(topLevel).toHaveLength(5 + 1);

      const groupTs = await env.services.alerts.listByStatus('OPEN', 100).then((alerts) => alerts.find((a) => a.slack?.storm)?.slack?.ts);
      expect(groupTs).toBeDefined();
      const replies = posts.filter((post) => post.body['thread_ts'] === groupTs);
      // Each listed alert shows its id in code (its button carries the id too, as its value).
      const listings = replies.flatMap((reply) => [...text(reply).matchAll(new RegExp(`\`(${RULE}-[0-9a-f]{16})\``, 'g'))].map((m) => m[1]));
      // Every alert listed, none twice, though ten workers listed at once.
      expect(new Set(listings).size).toBe(50);
      expect(listings).toHaveLength(50);
      // Up to forty alerts to a reply (fewer while the burst is still arriving): a handful of replies, not fifty.
      expect(replies.length).toBeGreaterThanOrEqual(2);
      expect(replies.length).toBeLessThanOrEqual(8);

      const updates = env.slack.calls.slice(mark).filter((call) => call.method === 'chat.update' && call.body['ts'] === groupTs);
      expect(text(updates[updates.length - 1] ?? group[0]!)).toContain('50 alerts in 5 minutes');

      const stormed = (await env.services.alerts.listByStatus('OPEN', 100)).filter((a) => a.slack?.storm);
      expect(stormed).toHaveLength(45);
      stormId = stormed[0]!.slack!.storm!;
      expect(stormed.every((a) => a.slack?.ts === groupTs && a.slack?.itemTs !== undefined)).toBe(true);
    },
    STORM_TEST_MS,
  );

  it(
    'holds a team to its own threshold, which an admin can change from Slack',
    async () => {
      clock.advance(10);
      const mark = env.slack.calls.length;
      // Logins in the payments team's account: its threshold is 2, not the configured 5.
      const records = Array.from({ length: 3 }, (_, i) =>
        rootConsoleLogin({
          sourceIPAddress: `192.0.2.${i + 1}`,
          eventID: `payments-${i}`,
          recipientAccountId: '210987654321',
          userIdentity: { type: 'Root', principalId: '210987654321', arn: 'arn:aws:iam::210987654321:root', accountId: '210987654321' },
        }),
      );
      await env.stack.putObject(cloudTrailKey('payments', '210987654321'), cloudTrailFile(records));
      await env.stack.runner.idle({ waitForRetries: true, timeoutMs: 60_000 });
      const topLevel = postsSince(mark).filter((post) => post.body['thread_ts'] === undefined);
      expect(topLevel.map((post) => post.body['channel'])).toEqual(['#payments-sec', '#payments-sec', '#payments-sec']);
      expect(topLevel.filter((post) => String(post.body['text']).includes('Storm'))).toHaveLength(1);

      await env.send(slashCommand('route set payments stormThreshold=20', 'UADMIN'));
      expect((await env.services.teams()).find((team) => team.name === 'payments')?.storm).toEqual({ threshold: 20 });
    },
    STORM_TEST_MS,
  );

  it(
    'acknowledges all 50 with one click, audited one by one, with one entry in the thread',
    async () => {
      const group = await env.services.storms.get(stormId);
      expect(group?.alertIds).toHaveLength(50);
      const mark = env.slack.calls.length;

      await env.send(buttonClick(STORM_ACTIONS.acknowledgeAll, stormId, 'URESPONDER'));
      expect(lastReply(env.slack)).toBe('Acknowledged 50 alerts of the storm.');
      await env.stack.runner.idle({ waitForRetries: true, timeoutMs: 60_000 });

      for (const id of group!.alertIds) {
        expect((await env.services.alerts.get(id))?.status).toBe('ACKNOWLEDGED');
      }
      expect(await env.services.audit.list(group!.alertIds[0]!, 5)).toEqual([expect.objectContaining({ action: 'acknowledge', actor: 'URESPONDER' })]);
      const threadPosts = postsSince(mark).filter((post) => post.body['thread_ts'] === group!.slack!.ts);
      expect(threadPosts).toHaveLength(1);
      expect(text(threadPosts[0]!)).toContain('Acknowledged all');
      const update = env.slack.calls
        .slice(mark)
        .filter((call) => call.method === 'chat.update' && call.body['ts'] === group!.slack!.ts)
        .pop();
      expect(text(update!)).toContain('50 alerts acknowledged by <@URESPONDER>');
    },
    STORM_TEST_MS,
  );

  it(
    'suppresses the rule for an hour for an admin, and refuses a responder with the reason',
    async () => {
      await env.send(buttonClick(STORM_ACTIONS.suppressHour, stormId, 'URESPONDER'));
      expect(lastReply(env.slack)).toContain('you need the admin role to suppress a whole rule');
      expect(await env.services.settings.suppressions()).toEqual([]);

      await env.send(buttonClick(STORM_ACTIONS.suppressHour, stormId, 'UADMIN'));
      const [suppression] = await env.services.settings.suppressions();
      expect(suppression).toMatchObject({ ruleId: RULE, conditions: [], createdBy: 'UADMIN', expiresAt: clock.now().plus({ hours: 1 }).toUTC().toISO() });
      expect(lastReply(env.slack)).toContain(`Suppressed the rule until ${suppression!.expiresAt}`);
      expect(await env.services.audit.list(suppression!.id, 5)).toEqual([expect.objectContaining({ action: 'suppress', actor: 'UADMIN' })]);
    },
    STORM_TEST_MS,
  );

  it(
    'shows the list of the storm’s alerts to the person who asked',
    async () => {
      await env.send(buttonClick(STORM_ACTIONS.showList, stormId, 'UVIEWER'));
      const reply = env.slack.of('response_url').pop()!.body;
      expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(JSON.stringify(reply['blocks'])).toContain('*50 alerts* in the storm of');
      expect((JSON.stringify(reply['blocks']).match(/acknowledged · /g) ?? []).length).toBe(50);
    },
    STORM_TEST_MS,
  );
});
