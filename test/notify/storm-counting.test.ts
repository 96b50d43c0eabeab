import { DateTime } from 'luxon';
import { createServices, type Services } from '../../src/app/services';
import { stormSettingsFor, type StormJoin } from '../../src/alerts/storm';
import type { LocalStack } from '../../src/local/local-stack';
import { pacedGateway } from '../../src/notify/post-pacer';
import type { SlackGateway } from '../../src/slack/gateway';
import { createDynamoPostSlots } from '../../src/store/dynamo-post-slots';
import { T0 } from '../helpers/alerts';
import { startTestStack } from '../helpers/local-stack';

describe('counting a storm and pacing posts across workers', () => {
  let stack: LocalStack;
  let services: Services;
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.runner.stop();
    services = createServices(stack.runtime, stack.clients);
  });
  afterAll(() => stack.stop());

  const join = (alertId: string, channel = '#counting'): StormJoin => ({
    alertId,
    ruleId: 'AWS.CloudTrail.Test',
    title: 'Something happened',
    severity: 'HIGH',
    channel,
    settings: { threshold: 10, windowMinutes: 5 },
  });

  it('counts every alert once when workers join at the same time and retries join again', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `AWS.CloudTrail.Test-${String(i).padStart(16, '0')}`);
    const retried = ids.slice(0, 10);
    await Promise.all([...ids, ...retried].map((id) => services.storms.join(join(id), T0)));

    const group = await services.storms.join(join(ids[0]!), T0.plus({ minutes: 4 }));
    expect(group.alertIds.sort()).toEqual([...ids].sort());
    expect(group).toMatchObject({ rule: 'AWS.CloudTrail.Test', threshold: 10, windowMinutes: 5, windowStart: T0.toISO() });
  });

  it('starts a new group once the window has passed, for that rule and channel only', async () => {
    const first = await services.storms.join(join('AWS.CloudTrail.Test-a', '#windows'), T0);
    const later = await services.storms.join(join('AWS.CloudTrail.Test-b', '#windows'), T0.plus({ minutes: 6 }));
    const elsewhere = await services.storms.join(join('AWS.CloudTrail.Test-c', '#elsewhere'), T0.plus({ minutes: 6 }));

    expect(later.id).not.toBe(first.id);
    expect(later.alertIds).toEqual(['AWS.CloudTrail.Test-b']);
    expect(elsewhere.id).not.toBe(later.id);
  });

  it('takes a team’s own thresholds over the configured ones, field by field', () => {
    const team = {
      name: 'payments',
      channel: '#payments',
      minSeverity: 'INFO' as const,
      owns: { ruleIds: [], tags: [], logTypes: [], accounts: [], sources: [] },
      responders: [],
    };
    expect(stormSettingsFor({ ...team, storm: { threshold: 2 } }, { threshold: 10, windowMinutes: 5 })).toEqual({ threshold: 2, windowMinutes: 5 });
    expect(stormSettingsFor(undefined, { threshold: 10, windowMinutes: 5 })).toEqual({ threshold: 10, windowMinutes: 5 });
  });

  it('lets posts to one channel start only one at a time, spaced apart, whatever the workers', async () => {
    // Real time with a short spacing: each post starts only after the previous one was answered
    // plus the spacing, so the gaps hold however slow the machine is (slowness only widens them).
    const spacingMs = 50;
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const slack: SlackGateway = {
      async post() {
        inFlight += 1;
        most = Math.max(most, inFlight);
        started.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return { channel: 'C0PACED', ts: String(started.length) };
      },
      directMessage: async () => ({ channel: 'D0PACED', ts: '1' }),
      update: async () => undefined,
      postEphemeral: async () => undefined,
      upload: async () => undefined,
    };
    const slots = createDynamoPostSlots({ ddb: stack.clients.ddb, table: stack.runtime.tables.settings });
    const workers = Array.from({ length: 3 }, () =>
      pacedGateway(slack, {
        slots,
        wallClock: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        spacingMs,
        maxWaitMs: 60_000,
      }),
    );
    const message = { text: 'x', blocks: [] };

    // Prowl learns a channel's id from the answer to a post by name; from then on both are one channel.
    await workers[0]!.post('#paced', message);
    await Promise.all(workers.flatMap((worker) => [worker.post('#paced', message), worker.post('C0PACED', message), worker.post('C0PACED', message)]));

    expect(started).toHaveLength(10);
    expect(most).toBe(1);
    const gaps = started.slice(1).map((t, i) => t - started[i]!);
    // A timer may fire a millisecond early; never a whole spacing.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(spacingMs - 2);
  });

  it('sends a post back to the queue, like Slack’s 429, when the channel is booked further ahead than it may wait', async () => {
    const now = DateTime.fromISO('2026-11-22T11:00:00Z').toMillis();
    const slots = createDynamoPostSlots({ ddb: stack.clients.ddb, table: stack.runtime.tables.settings });
    await slots.take('#busy', now, now + 10_000);
    const gateway = pacedGateway(
      {
        post: async () => ({ channel: '#busy', ts: '1' }),
        directMessage: async () => ({ channel: 'D1', ts: '1' }),
        update: async () => undefined,
        postEphemeral: async () => undefined,
        upload: async () => undefined,
      },
      { slots, wallClock: () => now, sleep: async () => undefined, maxWaitMs: 0 },
    );
    await expect(gateway.post('#busy', { text: 'x', blocks: [] })).rejects.toMatchObject({ code: 'prowl_slack_rate_limited', retryAfterSeconds: 1 });
  });
});
