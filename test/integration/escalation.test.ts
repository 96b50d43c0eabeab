import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { join } from 'node:path';
import type { Alert } from '../../src/alerts/alert';
import { createFollowUpDeps, createSlackGateway } from '../../src/app/services';
import { sweepDueAlerts } from '../../src/notify/escalation-sweep';
import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { T0 } from '../helpers/alerts';
import { freezeClock } from '../helpers/clock';
import { attachmentBlocks, type CapturedCall } from '../helpers/slack-api';
import { buttonClick, slashCommand } from '../helpers/slack-requests';
import { loginAlertFor } from '../helpers/login-alerts';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

/**
 * Escalation of alerts nobody acknowledges (prowl.confirm.config.yml: the identity team, MEDIUM
 * after 30 minutes). The `nobody…` users have no Slack account, so no question is asked and only
 * the team's escalation applies.
 */
describe('escalating alerts nobody acknowledges', () => {
  const clock = freezeClock(T0.plus({ minutes: 5 }));
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack({ configPath: join(__dirname, '..', 'fixtures', 'prowl.confirm.config.yml') });
  });
  afterAll(async () => {
    await env.stop();
    clock.restore();
  });

  const loginAlert = (user: string): Promise<Alert> => loginAlertFor(env, user);

  const text = (call: CapturedCall): string => JSON.stringify(attachmentBlocks(call));
  const escalationsOf = (alert: Alert): string[] =>
    env.slack
      .of('chat.postMessage')
      .filter((call) => call.body['thread_ts'] === alert.slack?.ts)
      .map(text)
      .filter((reply) => reply.includes('Escalated'));
  const current = async (alert: Alert): Promise<Alert> => (await env.services.alerts.get(alert.id))!;
  async function sweepAfter(minutes: number): Promise<void> {
    clock.advance(minutes);
    await env.stack.schedules.tick(['escalate']);
  }

  it('says in the thread when nobody could be asked', async () => {
    const alert = await loginAlert('nobody-one');
    const thread = env.slack
      .of('chat.postMessage')
      .filter((call) => call.body['thread_ts'] === alert.slack?.ts)
      .map(text);
    expect(thread.join()).toContain('Could not ask who did this: no Slack user has the email nobody-one@example.com');
    expect((await current(alert)).confirmation).toMatchObject({ status: 'unreachable' });
    expect(env.slack.of('chat.postMessage').filter((call) => String(call.body['channel']).startsWith('U'))).toEqual([]);
  });

  it('re-notifies the team in the thread and the second channel once the alert has been open N minutes, and not before', async () => {
    const alert = await loginAlert('nobody-two');
    const acked = await loginAlert('nobody-three');
    await env.send(buttonClick(ALERT_ACTIONS.acknowledge, acked.id, 'URESPONDER'));
    expect((await current(acked)).status).toBe('ACKNOWLEDGED');

    await sweepAfter(29);
    expect(escalationsOf(alert)).toEqual([]);

    await sweepAfter(2);
    const [escalation, ...more] = escalationsOf(alert);
    expect(more).toEqual([]);
    expect(escalation).toContain('*Escalated* (MEDIUM): still open, not acknowledged, since');
    expect(escalation).toContain('<!subteam^S0ONCALL>');
    const elsewhere = env.slack.of('chat.postMessage').filter((call) => call.body['channel'] === '#oncall' && text(call).includes(alert.id));
    expect(elsewhere).toHaveLength(1);
    // The sweep's posts take the channel's posting turn, as notify's do (one post per second per channel).
    const turn = await env.services.clients.ddb.send(
      new GetCommand({ TableName: env.services.runtime.tables.settings, Key: { kind: 'slack-pace', id: '#oncall' }, ConsistentRead: true }),
    );
    expect(turn.Item?.['nextAtMs']).toEqual(expect.any(Number));
    expect(await env.services.audit.list(alert.id, 10)).toContainEqual(
      expect.objectContaining({ action: 'escalate', actor: 'prowl', after: { reason: 'unacknowledged', notify: ['S0ONCALL'], alsoChannel: '#oncall' } }),
    );

    // Acknowledged in time: no escalation, and the alert has left the due list.
    expect(escalationsOf(acked)).toEqual([]);
    const ackedNow = await current(acked);
    expect(ackedNow.escalations).toBeUndefined();
    expect(ackedNow.dueAt).toBeUndefined();
    expect(await env.services.alerts.listDue(clock.now().plus({ days: 1 }).toISO()!, 100)).not.toContain(acked.id);
  });

  it('follows the escalation an admin sets with /prowl route set for alerts that open afterwards', async () => {
    await env.send(slashCommand('route set identity escalate=MEDIUM:5 escalateNotify=S0NIGHT', 'UADMIN'));
    expect(lastReply(env.slack)).toBe('Route for *identity* → #identity-sec (≥ INFO) saved.');
    await env.send(slashCommand('route list', 'UVIEWER'));
    expect(lastReply(env.slack)).toContain('escalates MEDIUM after 5 min to S0NIGHT and in #oncall');
    await env.send(slashCommand('route set identity escalate=sometimes', 'UADMIN'));
    expect(lastReply(env.slack)).toContain('"sometimes" is not severity:minutes; write escalate=CRITICAL:10,HIGH:30 (or escalate=off).');

    const alert = await loginAlert('nobody-five');
    await sweepAfter(6);
    expect(escalationsOf(alert)).toEqual([expect.stringContaining('<!subteam^S0NIGHT>')]);
    expect(await env.services.audit.list('team:identity', 5)).toContainEqual(
      expect.objectContaining({
        action: 'route-set',
        actor: 'UADMIN',
        after: expect.objectContaining({ escalation: { afterMinutes: { MEDIUM: 5 }, notify: ['S0NIGHT'], alsoChannel: '#oncall' } }),
      }),
    );
  });

  it('escalates once when two sweeps run over the same due alert', async () => {
    const alert = await loginAlert('nobody-four');
    clock.advance(31);
    const deps = await createFollowUpDeps(env.services, await createSlackGateway(env.services));
    const outcomes = await Promise.all([sweepDueAlerts(deps), sweepDueAlerts(deps)]);
    expect(outcomes.map((outcome) => outcome.failed)).toEqual([0, 0]);
    await env.stack.schedules.tick(['escalate']);

    expect(escalationsOf(alert)).toHaveLength(1);
    expect((await current(alert)).escalations).toEqual([expect.objectContaining({ reason: 'unacknowledged' })]);
    expect((await env.services.audit.list(alert.id, 10)).filter((entry) => entry.action === 'escalate')).toHaveLength(1);
  });
});
