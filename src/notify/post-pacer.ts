import { ProwlError } from '../errors';
import type { SlackGateway } from '../slack/gateway';

/**
 * A per-channel posting turn, shared by every notify worker. Only one worker holds a channel's
 * turn at a time; it gives the turn back when its post has been answered, naming when the next
 * post may start. So a post never starts before the previous one was answered plus the spacing,
 * and two posts cannot reach Slack closer together than that, however late a request is sent.
 */
export interface PostSlots {
  /**
   * Takes the channel's turn until `holdUntilMs` (a worker that dies frees it then). When it cannot:
   * `held` while another worker posts, otherwise `nextAtMs`, when the next post may start.
   */
  take(channel: string, nowMs: number, holdUntilMs: number): Promise<{ taken: true } | { taken: false; held: boolean; nextAtMs: number }>;
  /** Gives the turn back: the next post to the channel may start at `nextAtMs`. */
  giveBack(channel: string, heldUntilMs: number, nextAtMs: number): Promise<void>;
  /**
   * Alerts are routed to channel names (`#security-alerts`), and Slack answers with the channel's id,
   * which thread replies then use: the id is recorded as an alias so both are paced as one channel.
   */
  aliasOf(channel: string): Promise<string | undefined>;
  recordAlias(channelId: string, name: string): Promise<void>;
}

export interface PacingOptions {
  slots: PostSlots;
  /** Wall-clock milliseconds: the rate is Slack's, in real time, whatever clock the domain is on. */
  wallClock: () => number;
  sleep: (ms: number) => Promise<void>;
  spacingMs?: number;
  /** Waits longer than this go back to the queue (Retry-After) instead of holding the worker. */
  maxWaitMs?: number;
}

/** Slack allows about one chat.postMessage per second per channel; the extra is for timers that fire a little early. */
export const SLACK_POST_SPACING_MS = 1050;
const MAX_WAIT_MS = 10_000;
/** Longer than a post can take (the Web API client times out at 5 s), so a dead worker's turn frees itself. */
const HOLD_MS = 10_000;
/** How often a waiting worker looks whether the turn came free. */
const POLL_MS = 150;

/**
 * A gateway whose posts to one channel go out one at a time and at most once per `spacingMs`
 * across all workers. A worker that would wait longer than `maxWaitMs` answers like Slack's own
 * 429 (prowl_slack_rate_limited with a Retry-After), so the notify message returns to the queue
 * for that long instead of sleeping in Lambda.
 */
export function pacedGateway(gateway: SlackGateway, options: PacingOptions): SlackGateway {
  const spacing = options.spacingMs ?? SLACK_POST_SPACING_MS;
  const maxWait = options.maxWaitMs ?? MAX_WAIT_MS;
  // Aliases never change (a channel keeps its id), so each is read once per process; an id with no
  // alias yet is read again next time (its first post by name may be landing on another worker).
  const aliases = new Map<string, string>();
  async function paceKey(channel: string): Promise<string> {
    const known = aliases.get(channel);
    if (known) return known;
    const alias = await options.slots.aliasOf(channel);
    if (alias || channel.startsWith('#')) aliases.set(channel, alias ?? channel);
    return alias ?? channel;
  }

  async function takeTurn(key: string): Promise<number> {
    const started = options.wallClock();
    for (;;) {
      const now = options.wallClock();
      const holdUntil = now + HOLD_MS;
      const turn = await options.slots.take(key, now, holdUntil);
      if (turn.taken) return holdUntil;
      const wait = turn.held ? POLL_MS : Math.max(1, turn.nextAtMs - now);
      if (now + wait - started > maxWait) {
        // Other workers keep the channel busy: come back when they are likely done, as after Slack's 429.
        const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
        throw new ProwlError('prowl_slack_rate_limited', `${key} is busy with other posts; retry after ${retryAfterSeconds}s`, { retryAfterSeconds });
      }
      await options.sleep(wait);
    }
  }

  return {
    ...gateway,
    async post(channel, message, postOptions) {
      const key = await paceKey(channel);
      const heldUntil = await takeTurn(key);
      let ref;
      try {
        ref = await gateway.post(channel, message, postOptions);
      } finally {
        await options.slots.giveBack(key, heldUntil, options.wallClock() + spacing);
      }
      if (ref.channel !== key && aliases.get(ref.channel) !== key) {
        await options.slots.recordAlias(ref.channel, key);
        aliases.set(ref.channel, key);
      }
      return ref;
    },
  };
}
