import { DateTime } from 'luxon';
import { ALERT_ACTIONS } from '../../src/slack/alert-message';
import { limitViolations } from '../../src/slack/message';
import { MODALS } from '../../src/slack/modals';
import { T0 } from '../helpers/alerts';
import { freezeClock } from '../helpers/clock';
import { cloudTrailFile, cloudTrailKey, rootConsoleLogin } from '../helpers/cloudtrail-files';
import { attachmentBlocks, sentView } from '../helpers/slack-api';
import { buttonClick, slashCommand, viewSubmission } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('silencing from Slack', () => {
  let env: SlackStack;
  // The fixtures' events are dated T0; the preview looks back 7 days from the services' clock.
  const clock = freezeClock(T0.plus({ hours: 2 }));
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(async () => {
    await env.stop();
    clock.restore();
  });

  async function login(ip: string, id: string): Promise<void> {
    await env.stack.putObject(cloudTrailKey(id), cloudTrailFile([rootConsoleLogin({ sourceIPAddress: ip, eventID: id })]));
    await env.stack.runner.idle();
  }

  it('suppresses a key from the modal: the preview counts, later matches are counted on the suppression, not alerted', async () => {
    const alert = await env.alertFrom('198.51.100.40');
    await env.send(buttonClick(ALERT_ACTIONS.suppress, alert.id, 'URESPONDER'));
    expect(sentView(env.slack.of('views.open').pop()!)).toMatchObject({ callback_id: MODALS.suppress, private_metadata: alert.id });
    const preview = JSON.stringify(sentView(env.slack.of('views.update').pop()!));
    expect(preview).toContain('would have silenced *1* of 1 alerts of this rule for this key');

    const submit = await env.send(
      viewSubmission(
        MODALS.suppress,
        alert.id,
        {
          scope: { scope: { type: 'radio_buttons', selected_option: { value: 'dedup' } } },
          duration: { duration: { type: 'static_select', selected_option: { value: '1d' } } },
          why: { why: { type: 'plain_text_input', value: 'red-team exercise this week' } },
        },
        'URESPONDER',
      ),
    );
    expect(submit.body ?? '').toBe('');
    const [suppression] = await env.services.settings.suppressions();
    expect(suppression).toMatchObject({
      ruleId: 'AWS.CloudTrail.RootConsoleLogin',
      dedup: alert.dedup,
      reason: 'red-team exercise this week',
      createdBy: 'URESPONDER',
      suppressedCount: 0,
    });

    // The alert's thread is told (its timeline); later matches then post nothing more.
    await env.stack.runner.idle();
    const told = env.slack.of('chat.postMessage').filter((call) => call.body['thread_ts'] === alert.slack?.ts);
    expect(JSON.stringify(told.map((call) => call.body['attachments']))).toContain('Suppressed');
    const postsBefore = env.slack.of('chat.postMessage').length + env.slack.of('chat.update').length;
    await login('198.51.100.40', 'again-1');
    await login('198.51.100.40', 'again-2');

    expect((await env.services.settings.suppression(suppression!.id))?.suppressedCount).toBe(2);
    expect((await env.services.alerts.get(alert.id))?.matchCount).toBe(1);
    expect(env.slack.of('chat.postMessage').length + env.slack.of('chat.update').length).toBe(postsBefore);

    // Another address is not covered by the key and still alerts.
    await env.alertFrom('198.51.100.41');
  });

  it('stops a disabled rule at the next batch and restarts it when enabled', async () => {
    await env.send(slashCommand('rules disable AWS.CloudTrail.RootConsoleLogin noisy during the migration', 'UADMIN'));
    expect(lastReply(env.slack)).toBe("`AWS.CloudTrail.RootConsoleLogin` is disabled; it stops at every worker's next batch.");
    await login('198.51.100.50', 'while-disabled');
    expect((await env.services.alerts.listByStatus('OPEN', 100)).filter((a) => a.dedup.endsWith('198.51.100.50'))).toEqual([]);

    await env.send(slashCommand('rules enable AWS.CloudTrail.RootConsoleLogin', 'UADMIN'));
    await env.alertFrom('198.51.100.51');
    expect(await env.services.audit.list('AWS.CloudTrail.RootConsoleLogin', 10)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'disable-rule', actor: 'UADMIN' }),
        expect.objectContaining({ action: 'enable-rule', actor: 'UADMIN' }),
      ]),
    );
  });

  it('keeps rule switches and whole-rule suppressions for admins', async () => {
    await env.send(slashCommand('rules disable AWS.CloudTrail.RootConsoleLogin', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('you need the admin role to disable rules');
    await env.send(slashCommand('suppress AWS.CloudTrail.RootConsoleLogin for 7d reason "too noisy"', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('you need the admin role to suppress a whole rule');
    expect((await env.services.settings.ruleState('AWS.CloudTrail.RootConsoleLogin'))?.enabled).toBe(true);
  });

  it('reads "until" dates in the user’s own time zone', async () => {
    const date = DateTime.utc().plus({ days: 30 }).toFormat('yyyy-MM-dd');
    await env.send(slashCommand(`suppress AWS.CloudTrail.RootConsoleLogin sourceIPAddress=192.0.2.0/24 until ${date} reason "lab range"`, 'UADMIN'));
    // The fake Slack says the user is in Europe/Berlin: the date means midnight there.
    expect(lastReply(env.slack)).toContain(`until ${DateTime.fromISO(date, { zone: 'Europe/Berlin' }).toUTC().toISO()}`);
    await env.send(slashCommand('suppressions', 'UVIEWER'));
    expect(lastReply(env.slack)).toContain('sourceIPAddress in 192.0.2.0/24');
  });

  it('sends only Block Kit that fits Slack’s limits', () => {
    for (const call of [...env.slack.of('chat.postMessage'), ...env.slack.of('chat.update')]) {
      expect(limitViolations({ text: String(call.body['text']), blocks: attachmentBlocks(call) as never })).toEqual([]);
    }
    for (const call of [...env.slack.of('views.open'), ...env.slack.of('views.update')]) {
      const view = sentView(call) as { blocks: unknown[] };
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(limitViolations({ text: '', blocks: view.blocks as never })).toEqual([]);
    }
  });
});
