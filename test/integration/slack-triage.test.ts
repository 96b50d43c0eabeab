import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { MODALS } from '../../src/slack/modals';
import { attachmentBlocks, sentView } from '../helpers/slack-api';
import { buttonClick, slashCommand, viewSubmission } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('triaging an alert from Slack', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  async function messageUpdates(): Promise<string[]> {
    await env.stack.runner.idle();
    return env.slack.of('chat.update').map((call) => JSON.stringify(attachmentBlocks(call)));
  }

  it('acknowledges with the button, records who and when, and updates the message in place', async () => {
    const alert = await env.alertFrom('203.0.113.10');
    const response = await env.send(buttonClick(ALERT_ACTIONS.acknowledge, alert.id, 'URESPONDER'));
    expect(response.statusCode).toBe(200);

    expect(await env.services.alerts.get(alert.id)).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: 'URESPONDER' });
    const updated = (await messageUpdates()).pop()!;
    expect(updated).toContain('Acknowledged by <@URESPONDER> at');
    expect(updated).toContain('Unacknowledge');
    expect(await env.services.audit.list(alert.id, 5)).toEqual([expect.objectContaining({ action: 'acknowledge', actor: 'URESPONDER' })]);
  });

  it('denies someone without a role, says why, and changes nothing', async () => {
    const alert = await env.alertFrom('203.0.113.11');
    await env.send(buttonClick(ALERT_ACTIONS.acknowledge, alert.id, 'UVIEWER'));

    expect(lastReply(env.slack)).toBe('you need the responder role to acknowledge alerts; you are a viewer. Ask a Prowl admin to add you in prowl.config.yml.');
    expect(env.slack.of('response_url').pop()!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect((await env.services.alerts.get(alert.id))?.status).toBe('OPEN');
    expect(await env.services.audit.list(alert.id, 5)).toEqual([]);
  });

  it('acknowledges with /prowl ack and answers only the person who asked', async () => {
    const alert = await env.alertFrom('203.0.113.12');
    await env.send(slashCommand(`ack ${alert.id}`, 'UADMIN'));
    expect(lastReply(env.slack)).toBe(`Acknowledged \`${alert.id}\`.`);
    expect((await env.services.alerts.get(alert.id))?.acknowledgedBy).toBe('UADMIN');
  });

  it('resolves through the modal with a reason and a note', async () => {
    const alert = await env.alertFrom('203.0.113.13');
    await env.send(buttonClick(ALERT_ACTIONS.resolve, alert.id, 'URESPONDER'));
    const opened = sentView(env.slack.of('views.open').pop()!);
    expect(opened).toMatchObject({ callback_id: MODALS.resolve, private_metadata: alert.id });

    const submit = await env.send(
      viewSubmission(
        MODALS.resolve,
        alert.id,
        {
          reason: { reason: { type: 'static_select', selected_option: { value: 'false-positive' } } },
          note: { note: { type: 'plain_text_input', value: 'break-glass drill' } },
        },
        'URESPONDER',
      ),
    );
    expect(submit.statusCode).toBe(200);
    expect(submit.body ?? '').toBe('');
    expect(await env.services.alerts.get(alert.id)).toMatchObject({
      status: 'RESOLVED',
      resolvedBy: 'URESPONDER',
      resolution: { reason: 'false-positive', note: 'break-glass drill' },
    });
    expect((await messageUpdates()).pop()).toContain('Resolved (false-positive) by <@URESPONDER>');
  });

  it('shows the modal’s own error instead of closing it when the submission is refused', async () => {
    const alert = await env.alertFrom('203.0.113.14');
    const submit = await env.send(
      viewSubmission(MODALS.resolve, alert.id, { reason: { reason: { type: 'static_select', selected_option: { value: 'benign' } } } }, 'UVIEWER'),
    );
    expect(JSON.parse(submit.body ?? '{}')).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining('you need the responder role') } });
    expect((await env.services.alerts.get(alert.id))?.status).toBe('OPEN');
  });
});
