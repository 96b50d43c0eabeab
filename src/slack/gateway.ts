import type { DateTime } from 'luxon';
import { WebAPIPlatformError, WebAPIRateLimitedError, WebClient, type Logger } from '@slack/web-api';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProwlError } from '../errors';
import type { SlackMessage } from './message';
import { renderText } from './render-text';

export interface MessageRef {
  channel: string;
  ts: string;
}

/** How Prowl talks to Slack: the Web API in a workspace, or the terminal on a laptop. */
export interface SlackGateway {
  post(channel: string, message: SlackMessage, options?: { threadTs?: string }): Promise<MessageRef>;
  update(ref: MessageRef, message: SlackMessage): Promise<void>;
  /** A message only `user` sees: answers to one person, such as why their search could not run. */
  postEphemeral(channel: string, user: string, message: SlackMessage, options?: { threadTs?: string }): Promise<void>;
  /** A direct message from the bot to one person (posting to a user id opens the DM). */
  directMessage(user: string, message: SlackMessage): Promise<MessageRef>;
  /** Shares a file (a search's CSV) in a channel or thread. */
  upload(channel: string, file: { filename: string; title: string; content: string }, options?: { threadTs?: string }): Promise<void>;
}

function payload(message: SlackMessage): { text: string; attachments: Array<{ color?: string; blocks: SlackMessage['blocks']; fallback: string }> } {
  return { text: message.text, attachments: [{ ...(message.color ? { color: message.color } : {}), blocks: message.blocks, fallback: message.text }] };
}

/** Turns Web API failures into Prowl errors; a 429 keeps Slack's Retry-After so the caller can requeue. */
function slackFailure(error: unknown, method: string): ProwlError {
  if (error instanceof WebAPIRateLimitedError) {
    return new ProwlError('prowl_slack_rate_limited', `Slack rate-limited ${method}; retry after ${error.retryAfter}s`, {
      cause: error,
      retryAfterSeconds: error.retryAfter,
    });
  }
  if (error instanceof WebAPIPlatformError) {
    return new ProwlError('prowl_slack_failed', `Slack refused ${method}: ${error.data.error}`, { cause: error });
  }
  return new ProwlError('prowl_slack_failed', `${method} failed: ${(error as Error).message}`, { cause: error });
}

const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => 'error' as ReturnType<Logger['getLevel']>,
  setName: () => undefined,
};

/**
 * A WebClient that fails fast: a short timeout and 429s handed back to the queue. `retries` is for
 * reads only (users.info, usergroups): a post that times out may still have been posted, so calls
 * that create something are never retried by the client — the queue and the post-once claim retry them.
 */
export function createWebClient(token: string, options: { slackApiUrl?: string; retries?: number } = {}): WebClient {
  return new WebClient(token, {
    timeout: 5000,
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
    logger: quietLogger,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
  });
}

/** The client for the gateway: nothing it sends is retried by the client itself. */
export function gatewayClient(token: string, options: { slackApiUrl?: string } = {}): WebClient {
  return createWebClient(token, { ...options, retries: 0 });
}

/**
 * True when Slack answered and refused (an API error, a 429): nothing was posted. A timeout or a
 * broken connection is not a refusal: the message may be in the channel already.
 */
export function slackRefused(error: unknown): boolean {
  // Prowl's own pacing (src/notify/post-pacer.ts) refuses before anything is sent.
  if (error instanceof ProwlError && error.code === 'prowl_slack_rate_limited' && error.cause === undefined) return true;
  const cause = error instanceof ProwlError ? error.cause : error;
  return cause instanceof WebAPIPlatformError || cause instanceof WebAPIRateLimitedError;
}

/** Posts, updates and uploads through a client that does not retry; see `gatewayClient`. */
export function webApiGateway(client: WebClient): SlackGateway {
  return {
    async post(channel, message, options = {}) {
      try {
        const result = await client.chat.postMessage({ channel, ...payload(message), ...(options.threadTs ? { thread_ts: options.threadTs } : {}) });
        return { channel: result.channel ?? channel, ts: result.ts! };
      } catch (error) {
        throw slackFailure(error, 'chat.postMessage');
      }
    },
    async directMessage(user, message) {
      try {
        const result = await client.chat.postMessage({ channel: user, ...payload(message) });
        return { channel: result.channel ?? user, ts: result.ts! };
      } catch (error) {
        throw slackFailure(error, 'chat.postMessage');
      }
    },
    async update(ref, message) {
      try {
        await client.chat.update({ channel: ref.channel, ts: ref.ts, ...payload(message) });
      } catch (error) {
        throw slackFailure(error, 'chat.update');
      }
    },
    async postEphemeral(channel, user, message, options = {}) {
      try {
        await client.chat.postEphemeral({ channel, user, ...payload(message), ...(options.threadTs ? { thread_ts: options.threadTs } : {}) });
      } catch (error) {
        throw slackFailure(error, 'chat.postEphemeral');
      }
    },
    async upload(channel, file, options = {}) {
      try {
        const upload = { filename: file.filename, title: file.title, content: file.content };
        await client.filesUploadV2(options.threadTs ? { ...upload, channel_id: channel, thread_ts: options.threadTs } : { ...upload, channel_id: channel });
      } catch (error) {
        throw slackFailure(error, 'files.uploadV2');
      }
    },
  };
}

/** Prints alerts instead of posting them: the laptop's Slack when no workspace is configured. */
export function terminalGateway(write: (text: string) => void, now: () => DateTime, filesDir: string = join(tmpdir(), 'prowl-files')): SlackGateway {
  let sequence = 0;
  const frame = (heading: string, message: SlackMessage): string => `\n┌─ ${heading}\n${renderText(message).replace(/^/gm, '│ ')}\n└─\n`;
  return {
    async post(channel, message, options = {}) {
      sequence += 1;
      const ts = `${Math.floor(now().toSeconds())}.${String(sequence).padStart(6, '0')}`;
      // chat.postMessage to a user id is a DM from the app.
      const heading = /^([UW][A-Z0-9]+|local)$/.test(channel) ? `→ DM to ${channel}` : `${channel} · ${options.threadTs ? 'reply' : 'new message'}`;
      write(frame(heading, message));
      return { channel, ts };
    },
    async update(ref, message) {
      write(frame(`${ref.channel} · message updated`, message));
    },
    async directMessage(user, message) {
      sequence += 1;
      write(frame(`→ DM to ${user}`, message));
      return { channel: user, ts: `${Math.floor(now().toSeconds())}.${String(sequence).padStart(6, '0')}` };
    },
    async postEphemeral(channel, user, message) {
      write(frame(`${channel} · only ${user} sees this`, message));
    },
    async upload(channel, file) {
      await mkdir(filesDir, { recursive: true });
      const path = join(filesDir, file.filename);
      await writeFile(path, file.content);
      write(`${channel} · file ${file.title}: ${path}\n`);
    },
  };
}
