import { ProwlError } from '../errors';
import type { SlackGateway } from '../slack/gateway';

/**
 * Reserved posting slots per channel, shared by every notify worker. `reserve` books the first free
 * slot at or after `nowMs` and moves the channel's next free slot `spacingMs` later; it books
 * nothing and returns `reserved: false` when that slot is more than `maxAheadMs` away.
 */
export interface PostSlots {
  reserve(channel: string, nowMs: number, spacingMs: number, maxAheadMs: number): Promise<{ reserved: boolean; atMs: number }>;
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
  /** Slack allows about one chat.postMessage per second per channel. */
  spacingMs?: number;
  /** Waits longer than this go back to the queue (Retry-After) instead of holding the worker. */
  maxWaitMs?: number;
}

export const SLACK_POST_SPACING_MS = 1000;
const MAX_WAIT_MS = 10_000;

/**
 * A gateway whose posts to one channel go out at most once per `spacingMs` across all workers:
 * each post first books a slot, then waits for it. A channel booked further ahead than `maxWaitMs`
 * answers like Slack's own 429 (prowl_slack_rate_limited with a Retry-After), so the notify
 * message returns to the queue for that long instead of sleeping in Lambda.
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
  return {
    ...gateway,
    async post(channel, message, postOptions) {
      const key = await paceKey(channel);
      const now = options.wallClock();
      const slot = await options.slots.reserve(key, now, spacing, maxWait);
      if (!slot.reserved) {
        const retryAfterSeconds = Math.max(1, Math.ceil((slot.atMs - now) / 1000));
        throw new ProwlError(
          'prowl_slack_rate_limited',
          `${channel} is booked for the next ${retryAfterSeconds}s of posts; retry after ${retryAfterSeconds}s`,
          {
            retryAfterSeconds,
          },
        );
      }
      const wait = slot.atMs - options.wallClock();
      if (wait > 0) await options.sleep(wait);
      const ref = await gateway.post(channel, message, postOptions);
      if (ref.channel !== key && aliases.get(ref.channel) !== key) {
        await options.slots.recordAlias(ref.channel, key);
        aliases.set(ref.channel, key);
      }
      return ref;
    },
  };
}
