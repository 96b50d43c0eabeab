import { classifyAwsError } from './aws-errors';

/**
 * Throttling retries for scan calls. The SDK clients retry too (adaptive mode, see scan-clients.ts),
 * but a scan makes thousands of calls in bursts and a throttled call that outlasts the SDK's few
 * attempts should slow the scan down, not lose a resource. This layer backs off further, only for
 * throttling, and takes its sleep and jitter as arguments so tests run it without waiting.
 */
export interface RetryOptions {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep(ms: number): Promise<void>;
  /** 0 ≤ random() < 1; full jitter spreads retries from parallel calls apart. */
  random(): number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Exponential backoff with full jitter for the given attempt (1 = the first retry). */
export function backoffMs(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(options.random() * ceiling);
}

/** Runs `call`, retrying it while AWS answers with throttling; any other error, or the last throttle, is thrown. */
export async function retryThrottled<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.maxAttempts || classifyAwsError(error) !== 'throttled') throw error;
      await options.sleep(backoffMs(attempt, options));
    }
  }
}
