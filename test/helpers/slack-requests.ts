import { createHmac } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789';

/**
 * An API Gateway (HTTP API, payload 2.0) event carrying a Slack request, signed the way Slack
 * signs: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>").
 */
export function signedSlackEvent(
  body: string,
  options: { secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? TEST_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return {
    version: '2.0',
    routeKey: 'POST /slack/events',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...options.headers,
    },
    requestContext: { http: { method: 'POST', path: '/slack/events' } } as APIGatewayProxyEventV2['requestContext'],
    body,
    isBase64Encoded: false,
  };
}

/**
 * Slack gives every request its own trigger id, so two identical commands in the same second are
 * still two requests with two signatures; a fixed one would make the second look like a replay.
 */
let triggers = 0;
function nextTriggerId(): string {
  triggers += 1;
  return `${triggers}.2.trigger`;
}

export function slashCommand(text: string, user: string, channel = 'C0SECURITY'): string {
  return new URLSearchParams({
    token: 'legacy-token-unused',
    team_id: 'T0PROWL',
    team_domain: 'prowl',
    channel_id: channel,
    channel_name: 'security',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/prowl',
    text,
    api_app_id: 'A0PROWL',
    response_url: `https://hooks.slack.com/commands/T0PROWL/1/${user}`,
    trigger_id: nextTriggerId(),
  }).toString();
}

function interactive(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function buttonClick(actionId: string, value: string, user: string, messageTs = '1700000000.000100'): string {
  return blockAction(user, messageTs, {
    type: 'button',
    action_id: actionId,
    block_id: 'alert_actions',
    value,
    action_ts: '1700000001.000000',
    text: { type: 'plain_text', text: 'x' },
  });
}

/** A person picked in a users_select; the block id is what names the alert. */
export function userPicked(actionId: string, blockId: string, selectedUser: string, user: string, messageTs = '1700000000.000100'): string {
  return blockAction(user, messageTs, {
    type: 'users_select',
    action_id: actionId,
    block_id: blockId,
    selected_user: selectedUser,
    action_ts: '1700000001.000000',
  });
}

function blockAction(user: string, messageTs: string, action: Record<string, unknown>): string {
  return interactive({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T0PROWL' },
    api_app_id: 'A0PROWL',
    token: 'legacy-token-unused',
    container: { type: 'message', message_ts: messageTs, channel_id: 'C0SECURITY', is_ephemeral: false },
    trigger_id: nextTriggerId(),
    team: { id: 'T0PROWL', domain: 'prowl' },
    channel: { id: 'C0SECURITY', name: 'security' },
    message: { type: 'message', ts: messageTs, text: 'alert' },
    response_url: `https://hooks.slack.com/actions/T0PROWL/1/${user}`,
    actions: [action],
  });
}

export function viewSubmission(
  callbackId: string,
  privateMetadata: string,
  values: Record<string, Record<string, Record<string, unknown>>>,
  user: string,
): string {
  return interactive({
    type: 'view_submission',
    team: { id: 'T0PROWL', domain: 'prowl' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0PROWL' },
    api_app_id: 'A0PROWL',
    token: 'legacy-token-unused',
    trigger_id: nextTriggerId(),
    view: {
      id: 'V0MODAL',
      team_id: 'T0PROWL',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: 'h1',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    },
  });
}

/** An Events API request body (JSON, as Slack posts it): an event callback around `event`. */
export function eventCallback(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-token-unused',
    team_id: 'T0PROWL',
    api_app_id: 'A0PROWL',
    type: 'event_callback',
    event_id: `Ev${nextTriggerId().replace(/\W/g, '')}`,
    event_time: 1700000000,
    event,
  });
}

/** The user opening the app's Home tab. */
export function appHomeOpened(user: string): string {
  return eventCallback({ type: 'app_home_opened', user, channel: 'D0PROWL', tab: 'home', event_ts: '1700000000.000100' });
}

/** Events API requests are JSON: sign them as they come, with Slack's content type. */
export const JSON_REQUEST = { headers: { 'content-type': 'application/json' } };

/** A button pressed in the Home tab: the container is a view, and there is no response URL or channel. */
export function homeButtonClick(actionId: string, value: string, user: string): string {
  return interactive({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T0PROWL' },
    api_app_id: 'A0PROWL',
    token: 'legacy-token-unused',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: nextTriggerId(),
    team: { id: 'T0PROWL', domain: 'prowl' },
    view: { id: 'V0HOME', team_id: 'T0PROWL', type: 'home', blocks: [], private_metadata: '', callback_id: '', hash: 'h1', state: { values: {} } },
    actions: [{ type: 'button', action_id: actionId, block_id: 'home_open_0', value, action_ts: '1700000001.000000', text: { type: 'plain_text', text: 'x' } }],
  });
}
