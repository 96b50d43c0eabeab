import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { openAlert } from '../helpers/alerts';
import { buttonClick } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('Show context', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  it('answers the person who clicked with the whole context, only them', async () => {
    const statements = Array.from({ length: 60 }, (_, i) => ({ Sid: `Statement${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
    const alert = openAlert({ id: 'AWS.CloudTrail.Test-00000000000c0de1', context: { policy: { Statement: statements } } });
    await env.services.alerts.mutate(alert.id, () => alert);

    const response = await env.send(buttonClick(ALERT_ACTIONS.showContext, alert.id, 'UVIEWER'));

    expect(response.statusCode).toBe(200);
    const reply = env.slack.of('response_url').pop()!.body;
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const blocks = JSON.stringify(reply['blocks']);
    expect(blocks).toContain('Statement0');
    expect(blocks).toContain('Statement59');
  });

  it('says so when the alert is gone', async () => {
    await env.send(buttonClick(ALERT_ACTIONS.showContext, 'AWS.CloudTrail.Test-ffffffffffffffff', 'UVIEWER'));
    expect(lastReply(env.slack)).toContain('no longer exists');
  });
});
