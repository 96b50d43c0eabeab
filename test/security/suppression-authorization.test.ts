import { MODALS } from '../../src/slack/modals';
import { slashCommand, viewSubmission } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('what a responder may suppress', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  const submitConditions = (alertId: string, values: string[], user = 'URESPONDER') =>
    env.send(
      viewSubmission(
        MODALS.suppress,
        alertId,
        {
          scope: { scope: { type: 'radio_buttons', selected_option: { value: 'conditions' } } },
          fields: { fields: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) } },
          duration: { duration: { type: 'static_select', selected_option: { value: '1d' } } },
          why: { why: { type: 'plain_text_input', value: 'scanner' } },
        },
        user,
      ),
    );

  it('not a wildcard condition that matches every event of the rule', async () => {
    await env.alertFrom('198.51.100.60');
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin eventName~* forever reason "x"', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('responders may only suppress what an alert of AWS.CloudTrail.RootConsoleLogin actually had');
    expect(await env.services.settings.suppressions()).toEqual([]);
  });

  it('not a value no alert of the rule had, nor a dedup key it never raised', async () => {
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin sourceIPAddress=10.9.9.9 for 1d reason "x"', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('No recent alert of this rule has sourceIPAddress = 10.9.9.9');
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin dedup="123456789012:10.9.9.9" for 1d reason "x"', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('key "123456789012:10.9.9.9"');
    expect(await env.services.settings.suppressions()).toEqual([]);
  });

  it('not a modal checkbox the modal never offered', async () => {
    const alert = await env.alertFrom('198.51.100.61');
    const response = await submitConditions(alert.id, ['["p_log_type","AWS.CloudTrail"]']);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ response_action: 'errors', errors: { fields: 'Tick only the fields offered for this alert.' } });
    expect(await env.services.settings.suppressions()).toEqual([]);
    // A root login from a new address still alerts.
    await env.alertFrom('198.51.100.62');
  });

  it("but the alert's own key, or values its events had, from the command or the modal", async () => {
    const alert = await env.alertFrom('198.51.100.63');
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin sourceIPAddress=198.51.100.63 for 1d reason "pentest box"', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('Suppression `s-');
    const response = await submitConditions(alert.id, ['["sourceIPAddress","198.51.100.63"]']);
    expect(response.body ?? '').toBe('');
    expect(await env.services.settings.suppressions()).toHaveLength(2);
  });

  it('while an admin may still suppress widely', async () => {
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin eventName~* for 1h reason "maintenance"', 'UADMIN'));
    expect(lastReply(env.slack)).toContain('Suppression `s-');
  });
});
