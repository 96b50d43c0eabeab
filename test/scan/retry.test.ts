import { backoffMs, retryThrottled } from '../../src/scan/retry';
import { accessDenied, recordingSleep, throttled } from './aws-mocks';

function failingTimes(errors: Error[], value = 'done'): { call: () => Promise<string>; attempts: () => number } {
  let attempts = 0;
  return {
    attempts: () => attempts,
    call: async () => {
      const error = errors[attempts];
      attempts += 1;
      if (error) throw error;
      return value;
    },
  };
}

describe('retryThrottled', () => {
  it('retries throttling with growing, jittered delays until the call succeeds', async () => {
    const { sleep, delays } = recordingSleep();
    const flaky = failingTimes([throttled(), throttled(), throttled()]);

    await expect(retryThrottled(flaky.call, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 250, sleep, random: () => 0.5 })).resolves.toBe('done');

    expect(flaky.attempts()).toBe(4);
    // Half of min(250, 100·2^(n-1)) for n = 1, 2, 3.
    expect(delays).toEqual([50, 100, 125]);
  });

  it('gives up after maxAttempts and throws the last throttling error', async () => {
    const { sleep } = recordingSleep();
    const stuck = failingTimes([throttled(), throttled(), throttled(), throttled()]);

    await expect(retryThrottled(stuck.call, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep, random: () => 0 })).rejects.toMatchObject({
      name: 'Throttling',
    });
    expect(stuck.attempts()).toBe(3);
  });

  it('does not retry access denied', async () => {
    const { sleep, delays } = recordingSleep();
    const denied = failingTimes([accessDenied()]);

    await expect(retryThrottled(denied.call, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep, random: () => 0 })).rejects.toMatchObject({
      name: 'AccessDenied',
    });
    expect(denied.attempts()).toBe(1);
    expect(delays).toEqual([]);
  });

  it('never waits longer than the ceiling, whatever the attempt', () => {
    expect(backoffMs(30, { baseDelayMs: 500, maxDelayMs: 20_000, random: () => 0.999 })).toBe(19_980);
  });
});
