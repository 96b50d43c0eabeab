import { numberAlert } from '../../src/alerts/alert-number';
import { ALERT_ACTIONS, ASSIGN_BLOCK_PREFIX } from '../../src/slack/alert-message';
import { attachmentBlocks } from '../helpers/slack-api';
import { buttonClick, slashCommand, userPicked } from '../helpers/slack-requests';
import { lastReply, startSlackStack, type SlackStack } from '../helpers/slack-stack';

describe('short numbers, owners and notes from Slack', () => {
  let env: SlackStack;
  beforeAll(async () => {
    env = await startSlackStack();
  });
  afterAll(() => env.stop());

  const posts = (channel: string) => env.slack.of('chat.postMessage').filter((call) => call.body['channel'] === channel);
  const lastUpdate = (): string => JSON.stringify(attachmentBlocks(env.slack.of('chat.update').pop()!));

  it('numbers each alert once, in order, shows #n on its message, and takes 42, #42 or the full id', async () => {
    const first = await env.alertFrom('203.0.113.60');
    const second = await env.alertFrom('203.0.113.61');
    expect(first.number).toEqual(expect.any(Number));
    expect(second.number).toBe(first.number! + 1);
    const header = attachmentBlocks(posts('#security-alerts').pop()!)[0] as { text: { text: string } };
    expect(header.text.text).toMatch(new RegExp(`^#${second.number} Root console login`));

    await env.send(slashCommand(`ack ${first.number}`, 'URESPONDER'));
    expect(lastReply(env.slack)).toBe(`Acknowledged \`${first.id}\`.`);
    await env.send(slashCommand(`unack #${first.number}`, 'URESPONDER'));
    expect(lastReply(env.slack)).toBe(`\`${first.id}\` is open again.`);
    await env.send(slashCommand(`resolve ${second.id} benign`, 'URESPONDER'));
    expect(lastReply(env.slack)).toBe(`Resolved \`${second.id}\` as benign.`);
    await env.send(slashCommand('ack #99999', 'URESPONDER'));
    expect(lastReply(env.slack)).toContain('no alert #99999');

    await env.send(slashCommand('alerts', 'UVIEWER'));
    expect(lastReply(env.slack)).toContain(`• #${first.number} [HIGH] Root console login`);
    await env.send(slashCommand(`audit #${first.number}`, 'UVIEWER'));
    expect(lastReply(env.slack)).toMatch(/URESPONDER unacknowledge[\s\S]*URESPONDER acknowledge/);
  });

  it('never gives one alert two numbers, however often or concurrently it is numbered', async () => {
    const alert = await env.alertFrom('203.0.113.62');
    const { number: _number, ...unnumbered } = alert;
    const again = await Promise.all([numberAlert(env.services.alerts, unnumbered), numberAlert(env.services.alerts, unnumbered)]);
    expect(again.map((a) => a.number)).toEqual([alert.number, alert.number]);
    expect((await env.services.alerts.getByNumber(alert.number!))?.id).toBe(alert.id);
  });

  it('assigns with /prowl assign <@U…|name>: shows the owner on the message, DMs them once, audits it', async () => {
    const alert = await env.alertFrom('203.0.113.63');
    await env.send(slashCommand(`assign #${alert.number} <@UPAYDEV|pat>`, 'URESPONDER'));
    expect(lastReply(env.slack)).toBe(`\`${alert.id}\` is assigned to <@UPAYDEV>.`);
    await env.stack.runner.idle();

    expect(await env.services.alerts.get(alert.id)).toMatchObject({ assignee: 'UPAYDEV', assignedBy: 'URESPONDER', assignedAt: expect.any(String) });
    expect(lastUpdate()).toContain('Open · assigned to <@UPAYDEV>');
    const dms = posts('UPAYDEV');
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(attachmentBlocks(dms[0]!))).toContain(`#${alert.number} Root console login`);
    expect(await env.services.audit.list(alert.id, 5)).toContainEqual(
      expect.objectContaining({ action: 'assign', actor: 'URESPONDER', before: { assignee: null }, after: { assignee: 'UPAYDEV' } }),
    );

    // Later changes update the message; the assignee is not told again.
    await env.send(slashCommand(`ack ${alert.number}`, 'URESPONDER'));
    await env.stack.runner.idle();
    expect(lastUpdate()).toContain('assigned to <@UPAYDEV>');
    expect(posts('UPAYDEV')).toHaveLength(1);
  });

  it('Take it assigns whoever clicked (no DM to themselves); the picker assigns the person picked and DMs them', async () => {
    const alert = await env.alertFrom('203.0.113.64');
    await env.send(buttonClick(ALERT_ACTIONS.take, alert.id, 'URESPONDER'));
    await env.stack.runner.idle();
    expect((await env.services.alerts.get(alert.id))?.assignee).toBe('URESPONDER');
    expect(posts('URESPONDER')).toHaveLength(0);
    expect(lastUpdate()).toContain('assigned to <@URESPONDER>');
    expect(lastUpdate()).toContain(`"block_id":"${ASSIGN_BLOCK_PREFIX}#${alert.number}"`);

    await env.send(userPicked(ALERT_ACTIONS.assign, `${ASSIGN_BLOCK_PREFIX}#${alert.number}`, 'UADMIN', 'URESPONDER'));
    await env.stack.runner.idle();
    expect(await env.services.alerts.get(alert.id)).toMatchObject({ assignee: 'UADMIN', assignedBy: 'URESPONDER' });
    expect(posts('UADMIN')).toHaveLength(1);
    expect(lastUpdate()).toContain(`"initial_user":"UADMIN"`);
  });

  it("refuses people who are not responders for the alert's team, and changes nothing", async () => {
    const alert = await env.alertFrom('203.0.113.65');
    for (const user of ['UVIEWER', 'UPAYDEV']) {
      await env.send(slashCommand(`assign ${alert.number} me`, user));
      expect(lastReply(env.slack)).toBe('you need the responder role to assign alerts; you are a viewer. Ask a Prowl admin to add you in prowl.config.yml.');
    }
    await env.send(buttonClick(ALERT_ACTIONS.take, alert.id, 'UVIEWER'));
    expect(lastReply(env.slack)).toContain('you need the responder role to assign alerts');
    expect((await env.services.alerts.get(alert.id))?.assignee).toBeUndefined();
    await env.send(slashCommand(`assign ${alert.number} @pat`, 'URESPONDER'));
    expect(lastReply(env.slack)).toMatch(/^"@pat" is not a person Slack named/);
  });

  it('/prowl alerts mine lists the open alerts assigned to the caller; unassign clears the owner', async () => {
    const alert = await env.alertFrom('203.0.113.66');
    await env.send(slashCommand(`assign #${alert.number} me`, 'UADMIN'));
    await env.send(slashCommand('alerts mine', 'UADMIN'));
    expect(lastReply(env.slack)).toContain(`#${alert.number} [HIGH]`);
    expect(lastReply(env.slack)).not.toContain('203.0.113.60');
    await env.send(slashCommand('alerts mine', 'URESPONDER'));
    expect(lastReply(env.slack)).not.toContain(`#${alert.number} [HIGH]`);

    await env.send(slashCommand(`unassign ${alert.number}`, 'UADMIN'));
    expect(lastReply(env.slack)).toBe(`\`${alert.id}\` has no owner now.`);
    await env.stack.runner.idle();
    expect((await env.services.alerts.get(alert.id))?.assignee).toBeUndefined();
    expect(lastUpdate()).not.toContain('assigned to');
    await env.send(slashCommand('alerts mine', 'UADMIN'));
    expect(lastReply(env.slack)).not.toContain(`#${alert.number} [HIGH]`);
    await env.send(slashCommand('alerts mine', 'UNOBODY'));
    expect(lastReply(env.slack)).toBe('No open alerts assigned to you.');
  });

  it("/prowl note records the note in the audit trail and posts it once in the alert's thread", async () => {
    const alert = await env.alertFrom('203.0.113.67');
    await env.send(slashCommand(`note #${alert.number} rotated the key, "twice"`, 'URESPONDER'));
    expect(lastReply(env.slack)).toBe(`Noted on \`${alert.id}\`; it will appear in the alert's thread.`);
    await env.stack.runner.idle();

    const replies = env.slack.of('chat.postMessage').filter((call) => call.body['thread_ts'] === alert.slack?.ts);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.body)).toContain('rotated the key, \\"twice\\"');
    expect(await env.services.audit.list(alert.id, 5)).toContainEqual(
      expect.objectContaining({ action: 'note', actor: 'URESPONDER', after: { note: 'rotated the key, "twice"' } }),
    );

    await env.send(slashCommand(`note #${alert.number}`, 'URESPONDER'));
    expect(lastReply(env.slack)).toMatch(/^write the note after the alert/);
    await env.send(slashCommand(`note #${alert.number} looks fine`, 'UVIEWER'));
    expect(lastReply(env.slack)).toContain('you need the responder role to add notes to alerts');
  });
});
