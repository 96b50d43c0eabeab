import { join } from 'node:path';
import type { ScheduledEvent } from 'aws-lambda';
import type { Alert } from '../../src/alerts/alert';
import { alertStats } from '../../src/alerts/alert-stats';
import type { Suppression } from '../../src/alerts/suppression';
import { WebAPIRateLimitedError } from '@slack/web-api';
import { createOperations, createServices, type Services } from '../../src/app/services';
import { runCommand } from '../../src/slack/run-command';
import { ProwlError } from '../../src/errors';
import { postDigests } from '../../src/notify/post-digests';
import { gatewayClient, webApiGateway, type SlackGateway } from '../../src/slack/gateway';
import { createDynamoDigestLedger } from '../../src/store/dynamo-digest-ledger';
import { T0, openAlert } from '../helpers/alerts';
import { freezeClock } from '../helpers/clock';
import { attachmentBlocks } from '../helpers/slack-api';
import { startStackWithSlack } from '../helpers/local-stack';

/**
 * The daily digest through its Lambda handler, and the stats use case, over a known set of alerts
 * in the local DynamoDB (read through the byStatusChange index), with the clock frozen.
 */
const NOW = T0.plus({ days: 20 });
const ago = (hours: number): string => NOW.minus({ hours }).toISO()!;
const SCHEDULED = {} as ScheduledEvent;

function alert(id: string, overrides: Partial<Alert>): Alert {
  return openAlert({ id: `Digest-${id}`, dedup: id, title: `Digest ${id}`, ...overrides });
}

/** Opened `opened` hours ago; acknowledged / resolved that many hours ago when given. */
function timeline(opened: number, acked?: number, resolved?: number): Partial<Alert> {
  const last = resolved ?? acked ?? opened;
  return {
    createdAt: ago(opened + 1),
    openedAt: ago(opened),
    firstSeen: ago(opened),
    lastSeen: ago(opened),
    updatedAt: ago(last),
    ...(acked !== undefined ? { status: 'ACKNOWLEDGED', acknowledgedBy: 'UPAYDEV', acknowledgedAt: ago(acked) } : {}),
    ...(resolved !== undefined ? { status: 'RESOLVED', resolvedBy: 'UPAYDEV', resolvedAt: ago(resolved), resolution: { reason: 'benign' } } : {}),
  };
}

const ALERTS: Alert[] = [
  alert('pay-critical', { team: 'payments', ruleId: 'Rule.A', severity: 'CRITICAL', matchCount: 5, ...timeline(3) }),
  alert('pay-high-old', { team: 'payments', ruleId: 'Rule.A', severity: 'HIGH', matchCount: 2, ...timeline(30) }),
  alert('pay-acked', { team: 'payments', ruleId: 'Rule.B', severity: 'LOW', ...timeline(2, 2 - 10 / 60) }),
  alert('pay-resolved', { team: 'payments', ruleId: 'Rule.A', severity: 'MEDIUM', matchCount: 3, ...timeline(5, 5 - 20 / 60, 1) }),
  alert('pay-resolved-yesterday', { team: 'payments', ruleId: 'Rule.A', severity: 'HIGH', ...timeline(40, undefined, 30) }),
  alert('pay-last-month', { team: 'payments', ruleId: 'Rule.A', severity: 'LOW', ...timeline(10 * 24, undefined, 2 * 24) }),
  alert('default-medium', { ruleId: 'Rule.C', severity: 'MEDIUM', ...timeline(4) }),
  alert('rule-error', { kind: 'rule-error', ruleId: 'Rule.Broken', severity: 'HIGH', ...timeline(1) }),
  alert('pending', { ruleId: 'Rule.C', status: 'PENDING', ...timeline(1) }),
];

function suppression(id: string, expiresInHours: number): Suppression {
  return {
    id,
    ruleId: 'Rule.C',
    conditions: [],
    expiresAt: NOW.plus({ hours: expiresInHours }).toISO()!,
    reason: `maintenance ${id}`,
    createdBy: 'UADMIN',
    createdAt: ago(24),
    suppressedCount: 0,
    recentBatches: [],
    version: 0,
  };
}

describe('the daily digest and /prowl stats', () => {
  const clock = freezeClock(NOW);
  let env: Awaited<ReturnType<typeof startStackWithSlack>>;
  let services: Services;
  let handler: (event: ScheduledEvent) => Promise<unknown>;

  const posts = (channel: string) => env.slack.of('chat.postMessage').filter((call) => call.body['channel'] === channel);
  const digestText = (channel: string): string => JSON.stringify(attachmentBlocks(posts(channel).at(-1)!));

  beforeAll(async () => {
    env = await startStackWithSlack({ configPath: join(__dirname, '..', 'fixtures', 'prowl.test.config.yml') });
    services = createServices(env.stack.runtime, env.stack.clients);
    for (const a of ALERTS) await services.alerts.mutate(a.id, () => a);
    await services.settings.mutateSuppression('soon', () => suppression('soon', 10));
    await services.settings.mutateSuppression('later', () => suppression('later', 5 * 24));
    // Loaded after the stack has set the environment, as Lambda loads it with its environment set.
    ({ handler } = await import('../../handlers/digest'));
  });
  afterAll(async () => {
    await env.stop();
    clock.restore();
  });

  it('posts one digest to each team’s channel and the default channel, with what is open, moved and noisy there', async () => {
    await expect(handler(SCHEDULED)).resolves.toEqual({ posted: ['#payments-sec', '#security-alerts'], alreadyPosted: [] });

    const payments = digestText('#payments-sec');
    expect(payments).toContain(`Prowl daily digest — ${NOW.toISODate()}`);
    expect(payments).toContain('*Open*\\n2: :red_circle: 1 CRITICAL · :large_orange_circle: 1 HIGH');
    expect(payments).toContain('*Acknowledged*\\n1');
    expect(payments).toContain('*Resolved in 24 h*\\n1');
    expect(payments).toContain('• `Rule.A` — 2 alerts, 8 events\\n• `Rule.B` — 1 alert, 1 event');
    expect(payments).toContain('Digest pay-high-old');
    expect(payments).not.toContain('Suppressions ending');

    const fallback = digestText('#security-alerts');
    expect(fallback).toContain('*Open*\\n1: :large_yellow_circle: 1 MEDIUM');
    expect(fallback).toContain('*Acknowledged*\\n0');
    expect(fallback).toContain('`soon` all of Rule.C');
    expect(fallback).not.toContain('`later`');
    // Prowl's own alerts go to the ops channel, which gets no digest; pending alerts are nobody's yet.
    expect(fallback).not.toContain('Rule.Broken');
    expect(env.slack.of('chat.postMessage').map((call) => call.body['channel'])).not.toContain('#prowl-ops');
  });

  it('posts nothing twice when the run is retried the same day', async () => {
    await expect(handler(SCHEDULED)).resolves.toEqual({ posted: [], alreadyPosted: ['#payments-sec', '#security-alerts'] });
    expect(posts('#payments-sec')).toHaveLength(1);
    expect(posts('#security-alerts')).toHaveLength(1);
  });

  it('posts each channel once the next day, even when two runs race', async () => {
    clock.advance(24 * 60);
    const outcomes = (await Promise.all([handler(SCHEDULED), handler(SCHEDULED)])) as Array<{ posted: string[] }>;
    expect(outcomes.flatMap((o) => o.posted).sort()).toEqual(['#payments-sec', '#security-alerts']);
    expect(posts('#payments-sec')).toHaveLength(2);
    expect(posts('#security-alerts')).toHaveLength(2);
    clock.set(NOW);
  });

  it('retries only the channel Slack refused, and posts nothing twice', async () => {
    clock.advance(2 * 24 * 60);
    const gateway = webApiGateway(gatewayClient('xoxb-test-token'));
    let refuse = true;
    const refusing: SlackGateway = {
      ...gateway,
      post: (channel, message, options) => {
        if (channel === '#payments-sec' && refuse) {
          refuse = false;
          return Promise.reject(new ProwlError('prowl_slack_rate_limited', 'Slack rate-limited chat.postMessage', { cause: new WebAPIRateLimitedError(1) }));
        }
        return gateway.post(channel, message, options);
      },
    };
    const ledger = createDynamoDigestLedger({ ddb: env.stack.clients.ddb, table: env.stack.runtime.tables.settings });
    const deps = { ...services, gateway: refusing, ledger };
    await expect(postDigests(deps)).rejects.toThrow('the digest could not be posted to 1 channel(s): #payments-sec: Slack rate-limited');
    expect(posts('#security-alerts')).toHaveLength(3);
    expect(posts('#payments-sec')).toHaveLength(2);
    await expect(postDigests(deps)).resolves.toEqual({ posted: ['#payments-sec'], alreadyPosted: ['#security-alerts'] });
    expect(posts('#payments-sec')).toHaveLength(3);
    expect(posts('#security-alerts')).toHaveLength(3);
    clock.set(NOW);
  });

  it('posts today’s digest on an admin’s /prowl digest, through the jobs queue, and tells them where it went', async () => {
    clock.advance(3 * 24 * 60);
    const ops = createOperations(services, async () => 'UTC');
    const reply = await runCommand('digest', { userId: 'UADMIN', groupIds: [] }, { channel: 'C0ADMIN' }, ops);
    expect(reply.text).toContain('Posting today’s digest');
    await env.stack.runner.idle();
    expect(posts('#payments-sec')).toHaveLength(4);
    expect(posts('#security-alerts')).toHaveLength(4);
    const told = env.slack.of('chat.postEphemeral').at(-1)!;
    expect(told.body).toMatchObject({
      channel: 'C0ADMIN',
      user: 'UADMIN',
      text: 'Digest posted to #payments-sec, #security-alerts; already posted today: none.',
    });
    // A responder may not: the digest speaks in every channel.
    expect((await runCommand('digest', { userId: 'URESPONDER', groupIds: [] }, { channel: 'C0ADMIN' }, ops)).text).toMatch(
      /^you need the admin role to post the digest/,
    );
    clock.set(NOW);
  });

  it('counts a team’s last 7 days: opened, acknowledged, resolved, by severity, mean times to acknowledge and resolve', async () => {
    const stats = await alertStats(services, { team: 'payments', period: '7d' });
    expect(stats).toMatchObject({
      team: 'payments',
      opened: 5,
      acknowledged: 2,
      resolved: 2,
      stillOpen: 2,
      bySeverity: { CRITICAL: 1, HIGH: 2, MEDIUM: 1, LOW: 1, INFO: 0 },
      complete: true,
    });
    // Acknowledged after 10 and 20 minutes; resolved after 4 and 10 hours.
    expect(stats.meanMillisToAcknowledge).toBe(15 * 60_000);
    expect(stats.meanMillisToResolve).toBe(7 * 3_600_000);
  });

  it('reaches back 30 days, and across teams when none is named', async () => {
    expect(await alertStats(services, { team: 'payments', period: '30d' })).toMatchObject({ opened: 6, resolved: 3 });
    // All teams: the default channel's alert and Prowl's own rule error count too; pending ones never do.
    expect(await alertStats(services, { period: '7d' })).toMatchObject({ opened: 7, stillOpen: 4 });
  });

  it('names the known teams when asked about one that does not exist', async () => {
    await expect(alertStats(services, { team: 'nobody', period: '7d' })).rejects.toThrow('no team "nobody"; known teams: payments');
  });
});
