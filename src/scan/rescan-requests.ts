import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DateTime } from 'luxon';
import { rescanKey, type RescanTarget } from './rescan-target';

/** Remembers which resources already have a re-scan coming in a window: one conditional write each. */
export interface RescanDebounce {
  /** True for the first claim of the key in the window; false when a re-scan is already queued for it. */
  claim(key: string, windowStart: DateTime, expiresAt: DateTime): Promise<boolean>;
}

/** Where re-scans go: the jobs queue, delayed until the burst of changes is over. */
export interface RescanQueue {
  send(target: RescanTarget, delaySeconds: number): Promise<void>;
}

export interface RescanRequests {
  /** Queues one re-scan per resource per debounce window; returns the targets it queued. */
  request(targets: readonly RescanTarget[]): Promise<RescanTarget[]>;
}

/** SQS allows at most 15 minutes of delay. */
const MAX_DELAY_SECONDS = 900;
/** After the window closes, so the re-scan reads the last change of the burst too. */
const SETTLE_SECONDS = 5;

/**
 * Debounced re-scans. Windows are fixed (from the epoch, `debounceSeconds` long): the first change
 * to a resource in a window queues a re-scan that runs just after the window ends, and later
 * changes in the same window find it claimed. A burst of changes is one re-scan; a change in the
 * next window queues the next one, so the last change is always read.
 */
export function createRescanRequests(options: { debounce: RescanDebounce; queue: RescanQueue; debounceSeconds: number; now: () => DateTime }): RescanRequests {
  return {
    async request(targets) {
      const now = options.now().toUTC();
      const windowMs = options.debounceSeconds * 1000;
      const windowStart = now.minus({ milliseconds: now.toMillis() % windowMs });
      const windowEnd = windowStart.plus({ milliseconds: windowMs });
      const settle = Math.min(SETTLE_SECONDS, options.debounceSeconds);
      const delaySeconds = Math.min(MAX_DELAY_SECONDS, Math.ceil(windowEnd.diff(now, 'seconds').seconds) + settle);
      const queued: RescanTarget[] = [];
      for (const target of targets) {
        if (!(await options.debounce.claim(rescanKey(target), windowStart, windowEnd.plus({ days: 1 })))) continue;
        await options.queue.send(target, delaySeconds);
        queued.push(target);
      }
      return queued;
    },
  };
}

/** The jobs queue as a re-scan queue: a `rescan` job, delayed. */
export function sqsRescanQueue(options: { sqs: SQSClient; queueUrl: string }): RescanQueue {
  return {
    async send(target, delaySeconds) {
      await options.sqs.send(
        new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: JSON.stringify({ type: 'rescan', target }), DelaySeconds: delaySeconds }),
      );
    },
  };
}
