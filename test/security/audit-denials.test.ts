import { DateTime } from 'luxon';
import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { cloudTrailEvent, cloudTrailFile, cloudTrailKey } from '../helpers/cloudtrail-files';
import { buttonClick, slashCommand } from '../helpers/slack-requests';
import { startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('the audit trail of refusals and admin queries', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
    await env.stack.putObject(
      cloudTrailKey('audited'),
      cloudTrailFile([cloudTrailEvent({ eventID: 'a-1', eventTime: DateTime.utc().minus({ hours: 1 }).toISO({ suppressMilliseconds: true })! })]),
    );
    await env.stack.runner.idle();
  });
  afterAll(() => env.stop());

  it('records every denied command, button and suppression with who, what and why', async () => {
    const alert = await env.alertFrom('198.51.100.90');
    await env.send(slashCommand('sql SELECT 1', 'UVIEWER'));
    await env.send(slashCommand('rules disable AWS.CloudTrail.RootConsoleLogin', 'URESPONDER'));
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin eventName~* forever reason "x"', 'URESPONDER'));
    await env.send(buttonClick(ALERT_ACTIONS.acknowledge, alert.id, 'UVIEWER'));

    const denials = await env.services.audit.list('denials', 50);
    expect(denials).toHaveLength(4);
    expect(denials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'denied',
          actor: 'UVIEWER',
          after: { what: '/prowl sql', reason: expect.stringContaining('admin role to run SQL') },
        }),
        expect.objectContaining({ actor: 'URESPONDER', after: { what: '/prowl rules', reason: expect.stringContaining('admin role to disable rules') } }),
        expect.objectContaining({ actor: 'URESPONDER', after: { what: '/prowl suppress', reason: expect.stringContaining('responders may only suppress') } }),
        expect.objectContaining({ actor: 'UVIEWER', after: { what: ALERT_ACTIONS.acknowledge, reason: expect.stringContaining('responder role') } }),
      ]),
    );
  });

  it('records every admin SQL query with its text, rows and cost', async () => {
    // Two events in the lake: the one put at the start and the root login of the test above.
    await env.send(slashCommand('sql SELECT eventID FROM aws_cloudtrail', 'UADMIN'));
    await env.stack.runner.idle();
    const [entry] = await env.services.audit.list('queries', 10);
    expect(entry).toMatchObject({
      action: 'sql',
      actor: 'UADMIN',
      after: { text: 'SELECT eventID FROM aws_cloudtrail', rows: 2, truncated: false, bytesScanned: expect.any(Number), elapsedMs: expect.any(Number) },
    });
  });
});
