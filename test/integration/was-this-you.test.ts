import { join } from 'node:path';
import type { Alert } from '../../src/alerts/alert';
import { DENIALS_SUBJECT } from '../../src/slack/explain-failure';
import { CONFIRM_ACTIONS } from '../../src/slack/confirmation-message';
import { freezeClock } from '../helpers/clock';
import { T0 } from '../helpers/alerts';
import { attachmentBlocks, type CapturedCall } from '../helpers/slack-api';
import { buttonClick } from '../helpers/slack-requests';
import { LOGIN_WITHOUT_MFA_RULE, loginAlertFor } from '../helpers/login-alerts';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

/** "Was this you?" end to end: ingest → notify (post, DM) → signed button clicks → escalate sweep on a frozen clock. */
describe('asking the actor whether it was them', () => {
  const clock = freezeClock(T0.plus({ minutes: 5 }));
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack({ configPath: join(__dirname, '..', 'fixtures', 'prowl.confirm.config.yml') });
  });
  afterAll(async () => {
    await env.stop();
    clock.restore();
  });

  const loginAlert = (user: string): Promise<Alert> => loginAlertFor(env, user, { sourceIPAddress: '203.0.113.24' });

  const text = (call: CapturedCall): string => JSON.stringify(attachmentBlocks(call));
  const posts = (): CapturedCall[] => env.slack.of('chat.postMessage');
  const dmsTo = (user: string): CapturedCall[] => posts().filter((call) => call.body['channel'] === user);
  const threadOf = (alert: Alert): string[] =>
    posts()
      .filter((call) => call.body['thread_ts'] === alert.slack?.ts)
      .map(text);
  const current = async (alert: Alert): Promise<Alert> => (await env.services.alerts.get(alert.id))!;
  async function sweep(minutes: number): Promise<void> {
    clock.advance(minutes);
    await env.stack.schedules.tick(['escalate']);
    await env.stack.runner.idle();
  }

  it('DMs the mapped person once with the event in plain words and two buttons, and says so in the thread', async () => {
    const alert = await loginAlert('bob');

    expect(dmsTo('UBOB')).toHaveLength(1);
    const dm = text(dmsTo('UBOB')[0]!);
    expect(dm).toContain('Was this you?');
    expect(dm).toContain('IAM user bob');
    expect(dm).toContain('call *ConsoleLogin* on signin.amazonaws.com in AWS account 123456789012 (us-east-1) from 203.0.113.24');
    expect(dm).toContain(`"action_id":"${CONFIRM_ACTIONS.yes}","value":"${alert.id}"`);
    expect(dm).toContain(`"action_id":"${CONFIRM_ACTIONS.no}","value":"${alert.id}"`);
    expect(threadOf(alert).join()).toContain('Asked <@UBOB> (IAM user bob) whether this was them');
    expect((await current(alert)).confirmation).toMatchObject({ userId: 'UBOB', status: 'asked' });

    // Another notify for the same alert (a later match, a retry) asks nobody again.
    await env.services.notify.send([alert.id]);
    await env.stack.runner.idle();
    expect(dmsTo('UBOB')).toHaveLength(1);
  });

  it('records a yes, resolves the alert as expected activity, audits it and closes the DM', async () => {
    const alert = (await env.services.alerts.listByRule(LOGIN_WITHOUT_MFA_RULE, 50)).find((a) => a.confirmation?.userId === 'UBOB')!;
    await env.send(buttonClick(CONFIRM_ACTIONS.yes, alert.id, 'UBOB'));

    expect(lastReply(env.slack)).toBe('Thanks — recorded, and the alert is resolved as expected activity.');
    expect(await current(alert)).toMatchObject({
      status: 'RESOLVED',
      resolvedBy: 'UBOB',
      resolution: { reason: 'benign' },
      confirmation: { status: 'confirmed' },
    });
    expect((await env.services.audit.list(alert.id, 10)).map((entry) => [entry.action, entry.actor])).toContainEqual(['confirmation-yes', 'UBOB']);
    await env.stack.runner.idle();
    expect(threadOf(alert).join()).toContain('<@UBOB> confirmed this was them — resolved as expected activity');
    const closed = env.slack.of('chat.update').filter((call) => call.body['channel'] === 'C0ALERTS' && text(call).includes('You confirmed this was you'));
    expect(closed).toHaveLength(1);
  });

  it('refuses an answer from anyone but the person asked, and audits the refusal', async () => {
    const alert = await loginAlert('erin');
    await env.send(buttonClick(CONFIRM_ACTIONS.yes, alert.id, 'UMALLORY'));

    expect(lastReply(env.slack)).toBe('only the person Prowl asked can answer whether this was them');
    expect(env.slack.of('response_url').pop()!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(await current(alert)).toMatchObject({ status: 'OPEN', confirmation: { userId: 'UERIN', status: 'asked' } });
    expect(await env.services.audit.list(DENIALS_SUBJECT, 5)).toContainEqual(
      expect.objectContaining({
        actor: 'UMALLORY',
        after: { what: CONFIRM_ACTIONS.yes, reason: 'only the person Prowl asked can answer whether this was them' },
      }),
    );
  });

  it('escalates at once on a no: the team is mentioned in the thread and in its second channel', async () => {
    const alert = await loginAlert('carol');
    await env.send(buttonClick(CONFIRM_ACTIONS.no, alert.id, 'UCAROL'));
    await env.stack.runner.idle();

    expect(lastReply(env.slack)).toBe('Thanks — the security team has been told at once and may contact you.');
    const thread = threadOf(alert).join('\n');
    expect(thread).toContain('<@UCAROL> says this was *not* them');
    expect(thread).toContain('*Escalated* (MEDIUM): <@UCAROL> says this activity was not them. <!subteam^S0ONCALL>');
    expect(posts().filter((call) => call.body['channel'] === '#oncall' && text(call).includes(alert.id))).toHaveLength(1);
    expect(await current(alert)).toMatchObject({
      status: 'OPEN',
      confirmation: { status: 'denied' },
      escalations: [expect.objectContaining({ reason: 'denied' })],
    });
    expect((await env.services.audit.list(alert.id, 10)).map((entry) => entry.action)).toEqual(expect.arrayContaining(['confirmation-no', 'escalate']));
  });

  it('gives up asking, and says why in the thread, when Slack refuses the DM for good', async () => {
    const alert = await loginAlert('nodm');
    expect(await current(alert)).toMatchObject({
      status: 'OPEN',
      confirmation: { userId: 'UNODM', status: 'unreachable', reason: 'Slack refused the DM to UNODM: Slack refused chat.postMessage: cannot_dm_bot' },
    });
    expect(threadOf(alert).join()).toContain('Could not ask who did this: Slack refused the DM to UNODM');
    expect((await env.services.audit.list(alert.id, 10)).map((entry) => entry.action)).toContain('confirmation-unreachable');
  });

  it('escalates when nobody answers in time, once, from the scheduled sweep', async () => {
    const alert = await loginAlert('dave');
    await sweep(14);
    expect((await current(alert)).confirmation?.status).toBe('asked');

    await sweep(2);
    expect(await current(alert)).toMatchObject({ confirmation: { status: 'unanswered' }, escalations: [expect.objectContaining({ reason: 'unanswered' })] });
    const thread = threadOf(alert).join('\n');
    expect(thread).toContain('No answer from <@UDAVE>');
    expect(thread).toContain('<@UDAVE> did not answer whether this was them');
    expect((await env.services.audit.list(alert.id, 10)).map((entry) => [entry.action, entry.actor])).toContainEqual(['confirmation-unanswered', 'prowl']);

    await sweep(1);
    expect(threadOf(alert).filter((reply) => reply.includes('Escalated'))).toHaveLength(1);
  });
});
