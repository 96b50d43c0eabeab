import { createTimeline } from '../../src/alerts/timeline';
import { deliverTimeline } from '../../src/notify/deliver-timeline';
import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { MODALS } from '../../src/slack/modals';
import { webApiGateway, gatewayClient } from '../../src/slack/gateway';
import { attachmentBlocks, type CapturedCall } from '../helpers/slack-api';
import { TEST_BOT_TOKEN } from '../helpers/local-stack';
import { buttonClick, viewSubmission } from '../helpers/slack-requests';
import { startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe("an alert's timeline in its thread", () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  const text = (call: CapturedCall): string => JSON.stringify(attachmentBlocks(call));
  const repliesTo = (ts: string): CapturedCall[] => env.slack.of('chat.postMessage').filter((call) => call.body['thread_ts'] === ts);

  it('replies in the thread when someone acknowledges, unacknowledges and resolves, each once', async () => {
    const alert = await env.alertFrom('203.0.113.70');
    const ts = alert.slack!.ts!;

    await env.send(buttonClick(ALERT_ACTIONS.acknowledge, alert.id, 'URESPONDER'));
    await env.stack.runner.idle();
    await env.send(buttonClick(ALERT_ACTIONS.unacknowledge, alert.id, 'URESPONDER'));
    await env.stack.runner.idle();
    await env.send(
      viewSubmission(
        MODALS.resolve,
        alert.id,
        {
          reason: { reason: { type: 'static_select', selected_option: { value: 'benign' } } },
          note: { note: { type: 'plain_text_input', value: 'the on-call drill' } },
        },
        'UADMIN',
      ),
    );
    await env.stack.runner.idle();

    const replies = repliesTo(ts).map(text);
    expect(replies).toEqual([
      expect.stringContaining('*Acknowledged* by <@URESPONDER>'),
      expect.stringContaining('*Unacknowledged* by <@URESPONDER>'),
      expect.stringContaining('*Resolved* by <@UADMIN>'),
    ]);
    expect(replies[2]).toContain('benign: the on-call drill');
    // The audit trail stays the record of the same three changes.
    expect((await env.services.audit.list(alert.id, 10)).map((entry) => entry.action).sort()).toEqual(['acknowledge', 'resolve', 'unacknowledge']);
  });

  it('posts an entry once however often its message is delivered', async () => {
    const alert = await env.alertFrom('203.0.113.71');
    const sent: Parameters<Parameters<typeof createTimeline>[0]['sendMessages']>[0][number][] = [];
    await createTimeline({ sendMessages: async (messages) => void sent.push(...messages) }).add(alert.id, {
      kind: 'note',
      actor: 'UADMIN',
      at: '2026-11-22T10:05:00.000Z',
      text: 'looking into it',
    });
    const [message] = sent;
    if (!message || !('timeline' in message)) throw new Error('no timeline message was queued');
    const deps = { ...env.services, gateway: webApiGateway(gatewayClient(TEST_BOT_TOKEN)) };

    const outcomes = await Promise.all([deliverTimeline(alert.id, message.timeline, deps), deliverTimeline(alert.id, message.timeline, deps)]);
    const again = await deliverTimeline(alert.id, message.timeline, deps);

    expect(outcomes.sort()).toEqual(['posted', 'skipped']);
    expect(again).toBe('skipped');
    const notes = repliesTo(alert.slack!.ts!)
      .map(text)
      .filter((reply) => reply.includes('looking into it'));
    expect(notes).toHaveLength(1);
  });
});
