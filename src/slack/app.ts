import { App, LogLevel, type BlockAction, type ButtonAction, type Receiver, type RespondFn, type SlackViewAction, type UsersSelectAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Actor } from '../alerts/roles';
import { ProwlError } from '../errors';
import { ALERT_ACTIONS, ASSIGN_BLOCK_PREFIX, alertContextMessage } from './alert-message';
import { STORM_ACTIONS, stormListMessage } from './storm-message';
import { CONFIRM_ACTIONS } from './confirmation-message';
import { explainFailure } from './explain-failure';
import { homeView, type HomeNotice } from './home-view';
import type { SlackDirectory } from './directory';
import { MODALS, INPUT, resolveModal, suppressModal } from './modals';
import type { Operations } from './operations';
import { runCommand } from './run-command';
import { typedText } from './slack-text';
import { parseResolveSubmission, parseStateValues, parseSuppressSubmission } from './submissions';

export interface SlackAppDeps {
  ops: Operations;
  directory: SlackDirectory;
}

/** A modal opened from the Home tab carries this after the alert id, so its submission republishes the tab. */
const FROM_HOME = '|home';

function modalFrom(view: ModalView, body: BlockAction<ButtonAction>): ModalView {
  return body.view?.type === 'home' ? { ...view, private_metadata: `${view.private_metadata ?? ''}${FROM_HOME}` } : view;
}

function openedFrom(metadata: string): { alertId: string; fromHome: boolean } {
  return metadata.endsWith(FROM_HOME) ? { alertId: metadata.slice(0, -FROM_HOME.length), fromHome: true } : { alertId: metadata, fromHome: false };
}

async function alertOrFail(ops: Operations, alertId: string) {
  const alert = await ops.triage.get(alertId);
  if (!alert) throw new ProwlError('prowl_not_found', `alert ${alertId} no longer exists`);
  return alert;
}

type Explain = (error: unknown, what: string, userId: string) => Promise<string>;

/** The person picker on an alert: its block names the alert, since a users_select has no value of its own. */
function registerPersonPicker(app: App, { ops, directory }: SlackAppDeps, explain: Explain): void {
  app.action<BlockAction<UsersSelectAction>>(ALERT_ACTIONS.assign, async ({ ack, action, body, respond }) => {
    await ack();
    try {
      const ref = action.block_id.startsWith(ASSIGN_BLOCK_PREFIX) ? action.block_id.slice(ASSIGN_BLOCK_PREFIX.length) : '';
      if (ref === '' || !action.selected_user) throw new ProwlError('prowl_bad_input', 'cannot tell which alert or person this choice was for');
      await ops.triage.assign(await ops.triage.idOf(ref), action.selected_user, await directory.actor(body.user.id));
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: await explain(error, ALERT_ACTIONS.assign, body.user.id) });
    }
  });
}

/**
 * The listeners: transport in, use case, reply out. Each acknowledges Slack first (its 3-second
 * deadline), and every failure becomes an explanation to the person who acted, never silence.
 */
export function registerListeners(app: App, deps: SlackAppDeps): void {
  const { ops, directory } = deps;
  const explain: Explain = (error, what, userId) => explainFailure(error, { what, userId, audit: ops.audit, now: ops.now });

  const publishHome = async (client: App['client'], userId: string, notice?: HomeNotice): Promise<void> => {
    const view = homeView(await ops.reports.home(await directory.actor(userId)), notice);
    await client.views.publish({ user_id: userId, view });
  };

  // Refreshed on every open: the tab always shows the alerts as they stand.
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, event.user);
  });

  app.command('/prowl', async ({ command, ack, respond }) => {
    await ack();
    const actor = await directory.actor(command.user_id);
    const reply = await runCommand(typedText(command.text), actor, { channel: command.channel_id }, ops);
    await respond({ response_type: 'ephemeral', text: reply.text });
  });

  const button = (
    actionId: string,
    work: (value: string, actor: Actor, body: BlockAction<ButtonAction>, client: App['client'], reply: RespondFn) => Promise<string | void>,
  ): void => {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond, client }) => {
      await ack();
      // The Home tab has no response URL: its buttons answer by republishing the tab, with the outcome on top.
      const fromHome = body.view?.type === 'home';
      let reply: string | void;
      try {
        reply = await work(action.value ?? '', await directory.actor(body.user.id), body, client, respond);
      } catch (error) {
        reply = await explain(error, actionId, body.user.id);
      }
      if (fromHome) await publishHome(client, body.user.id, reply ? { text: reply } : undefined);
      else if (reply) await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
    });
  };

  button(ALERT_ACTIONS.acknowledge, async (alertId, actor) => void (await ops.triage.acknowledge(alertId, actor)));
  button(ALERT_ACTIONS.unacknowledge, async (alertId, actor) => void (await ops.triage.unacknowledge(alertId, actor)));
  button(ALERT_ACTIONS.take, async (alertId, actor) => void (await ops.triage.assign(alertId, actor.userId, actor)));
  button(ALERT_ACTIONS.unassign, async (alertId, actor) => void (await ops.triage.unassign(alertId, actor)));
  registerPersonPicker(app, deps, explain);
  button(ALERT_ACTIONS.resolve, async (alertId, _actor, body, client) => {
    await client.views.open({ trigger_id: body.trigger_id, view: modalFrom(resolveModal(await alertOrFail(ops, alertId)), body) });
  });
  button(ALERT_ACTIONS.suppress, async (alertId, _actor, body, client) => {
    const alert = await alertOrFail(ops, alertId);
    // Open at once (the trigger expires in 3 s), then fill in the preview.
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: modalFrom(suppressModal(alert), body) });
    const [dedup, rule] = await Promise.all([
      ops.suppressions.preview({ ruleId: alert.ruleId, dedup: alert.dedup, conditions: [], reason: 'preview' }),
      ops.suppressions.preview({ ruleId: alert.ruleId, conditions: [], reason: 'preview' }),
    ]);
    if (opened.view?.id)
      await client.views.update({
        view_id: opened.view.id,
        ...(opened.view.hash ? { hash: opened.view.hash } : {}),
        view: modalFrom(suppressModal(alert, { dedup, rule }), body),
      });
  });
  button(ALERT_ACTIONS.showEvents, async (alertId, actor, body) => {
    const alert = await alertOrFail(ops, alertId);
    const channel = body.channel?.id ?? alert.slack?.channel;
    if (!channel) throw new ProwlError('prowl_bad_input', 'cannot tell which channel to answer in');
    await ops.searches.showEvents(alertId, actor, channel, body.message?.ts ?? alert.slack?.ts);
    return 'Searching the lake for this alert’s events… the results will be posted in the thread.';
  });

  button(ALERT_ACTIONS.showContext, async (alertId, _actor, _body, _client, reply) => {
    const message = alertContextMessage(await alertOrFail(ops, alertId));
    await reply({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  });

  button(STORM_ACTIONS.acknowledgeAll, async (stormId, actor) => {
    const { acknowledged, skipped } = await ops.storms.acknowledgeAll(stormId, actor);
    return `Acknowledged ${acknowledged} alert${acknowledged === 1 ? '' : 's'} of the storm${skipped > 0 ? `; ${skipped} already acknowledged or resolved` : ''}.`;
  });
  button(STORM_ACTIONS.suppressHour, async (stormId, actor) => {
    const { suppressionId, until } = await ops.storms.suppressRule(stormId, actor);
    return `Suppressed the rule until ${until} (\`${suppressionId}\`); \`/prowl unsuppress ${suppressionId}\` ends it sooner.`;
  });
  button(STORM_ACTIONS.showList, async (stormId, _actor, _body, _client, reply) => {
    const { group, alerts } = await ops.storms.list(stormId);
    const message = stormListMessage(group, alerts);
    await reply({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  });

  // "Was this you?" in a DM: bound to the person asked; anyone else is refused (and the refusal audited).
  button(CONFIRM_ACTIONS.yes, async (alertId, actor) => {
    const alert = await ops.confirmations.answer(alertId, actor, true);
    return alert.status === 'RESOLVED' && alert.resolution?.reason === 'benign'
      ? 'Thanks — recorded, and the alert is resolved as expected activity.'
      : 'Thanks — recorded. The security team can see your answer.';
  });
  button(CONFIRM_ACTIONS.no, async (alertId, actor) => {
    await ops.confirmations.answer(alertId, actor, false);
    return 'Thanks — the security team has been told at once and may contact you.';
  });

  app.view<SlackViewAction>(MODALS.resolve, async ({ ack, body, view, client }) => {
    const submission = parseResolveSubmission(parseStateValues(view.state.values));
    if (!submission.ok) return void (await ack({ response_action: 'errors', errors: submission.errors }));
    const { alertId, fromHome } = openedFrom(view.private_metadata);
    try {
      await ops.triage.resolve(alertId, await directory.actor(body.user.id), submission.value.reason, submission.value.note);
    } catch (error) {
      return void (await ack({ response_action: 'errors', errors: { [INPUT.reason.block]: await explain(error, MODALS.resolve, body.user.id) } }));
    }
    await ack();
    if (fromHome) await publishHome(client, body.user.id);
  });

  app.view<SlackViewAction>(MODALS.suppress, async ({ ack, body, view, client }) => {
    const { alertId, fromHome } = openedFrom(view.private_metadata);
    try {
      const alert = await alertOrFail(ops, alertId);
      const submission = parseSuppressSubmission(parseStateValues(view.state.values), alert, ops.now(), await directory.timeZoneOf(body.user.id));
      if (!submission.ok) return void (await ack({ response_action: 'errors', errors: submission.errors }));
      await ops.suppressions.create(submission.value, await directory.actor(body.user.id), { alertId: alert.id });
    } catch (error) {
      return void (await ack({ response_action: 'errors', errors: { [INPUT.scope.block]: await explain(error, MODALS.suppress, body.user.id) } }));
    }
    await ack();
    if (fromHome) await publishHome(client, body.user.id);
  });
}

export interface SlackAppOptions {
  botToken: string;
  /** Socket Mode (local): the app-level token. */
  appToken?: string;
  /** HTTP (Lambda): the receiver, which verifies every request's signature. */
  receiver?: Receiver;
  /** Slack's Web API elsewhere than slack.com (SLACK_API_URL): every client the app makes uses it. */
  slackApiUrl?: string;
}

export function createSlackApp(options: SlackAppOptions, deps: SlackAppDeps): App {
  const common = { token: options.botToken, logLevel: LogLevel.WARN, ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}) };
  const app = options.receiver ? new App({ ...common, receiver: options.receiver }) : new App({ ...common, appToken: options.appToken!, socketMode: true });
  registerListeners(app, deps);
  return app;
}
