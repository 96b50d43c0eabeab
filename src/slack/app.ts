import { App, LogLevel, type BlockAction, type ButtonAction, type Receiver } from '@slack/bolt';
import type { Actor } from '../alerts/roles';
import type { Triage } from '../alerts/triage';
import { asProwlError } from '../errors';
import { logger } from '../logger';
import { ALERT_ACTIONS } from './alert-message';
import { runCommand } from './run-command';

export interface SlackAppDeps {
  triage: Triage;
}

/** Slack's request as Prowl's actor. User-group membership is resolved by roles configuration. */
function actorOf(userId: string): Actor {
  return { userId, groupIds: [] };
}

/**
 * The listeners: transport in, use case, reply out. Every listener acks first (Slack's 3-second
 * deadline), then works; failures become an ephemeral explanation to the person who clicked.
 */
export function registerListeners(app: App, deps: SlackAppDeps): void {
  app.command('/prowl', async ({ command, ack, respond }) => {
    await ack();
    const reply = await runCommand(command.text, actorOf(command.user_id), deps.triage);
    await respond({ response_type: 'ephemeral', text: reply.text });
  });

  const button = (actionId: string, work: (alertId: string, actor: Actor) => Promise<unknown>): void => {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      try {
        await work(action.value ?? '', actorOf(body.user.id));
      } catch (error) {
        const failure = asProwlError(error);
        if (failure.code === 'prowl_internal') logger.error('slack action failed', { actionId, error: failure.message });
        await respond({ response_type: 'ephemeral', replace_original: false, text: failure.code === 'prowl_internal' ? 'Something went wrong on our side; please try again.' : failure.message });
      }
    });
  };
  button(ALERT_ACTIONS.acknowledge, (alertId, actor) => deps.triage.acknowledge(alertId, actor));
  button(ALERT_ACTIONS.unacknowledge, (alertId, actor) => deps.triage.unacknowledge(alertId, actor));
}

export interface SlackAppOptions {
  botToken: string;
  /** Socket Mode (local): the app-level token. */
  appToken?: string;
  /** HTTP (Lambda): the receiver, which verifies every request's signature. */
  receiver?: Receiver;
}

export function createSlackApp(options: SlackAppOptions, deps: SlackAppDeps): App {
  const app = options.receiver
    ? new App({ token: options.botToken, receiver: options.receiver, logLevel: LogLevel.WARN })
    : new App({ token: options.botToken, appToken: options.appToken!, socketMode: true, logLevel: LogLevel.WARN });
  registerListeners(app, deps);
  return app;
}
