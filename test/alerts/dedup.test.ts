import { applyMatches, nextWindow, RECENT_BATCHES } from '../../src/alerts/dedup';
import { matchGroup, normalizedCloudTrail, T0 } from '../helpers/alerts';

describe('dedup windows', () => {
  it('open at the first match and stay fixed until they end', () => {
    const group = matchGroup();
    const first = nextWindow(undefined, group, T0);
    expect(first.start).toBe('2026-11-22T10:00:00.000Z');
    expect(first.end).toBe('2026-11-22T11:00:00.000Z');
    expect(nextWindow(first, group, T0.plus({ minutes: 59 }))).toBe(first);
  });

  it('start anew after the period, with a different alert id', () => {
    const group = matchGroup();
    const first = nextWindow(undefined, group, T0);
    const second = nextWindow(first, group, T0.plus({ minutes: 60 }));
    expect(second.start).toBe('2026-11-22T11:00:00.000Z');
    expect(second.alertId).not.toBe(first.alertId);
  });

  it('give the same alert id for the same rule, dedup key and start on every worker', () => {
    expect(nextWindow(undefined, matchGroup(), T0).alertId).toBe(nextWindow(undefined, matchGroup(), T0).alertId);
    expect(nextWindow(undefined, matchGroup({ dedup: 'bob' }), T0).alertId).not.toBe(nextWindow(undefined, matchGroup(), T0).alertId);
  });

  it('use the rule’s own period', () => {
    expect(nextWindow(undefined, matchGroup({}, { dedupPeriodMinutes: 15 }), T0).end).toBe('2026-11-22T10:15:00.000Z');
  });
});

describe('applying a batch of matches to an alert', () => {
  const window = nextWindow(undefined, matchGroup(), T0);

  it('opens the alert when the threshold is reached', () => {
    const alert = applyMatches(undefined, matchGroup(), window, 'b1', T0, 5);
    expect(alert).toMatchObject({ status: 'OPEN', matchCount: 1, ruleId: 'AWS.CloudTrail.Test', windowStart: window.start });
  });

  it('stays pending below the threshold and opens when later batches reach it', () => {
    const group = matchGroup({ count: 2 }, { threshold: 5 });
    const pending = applyMatches(undefined, group, window, 'b1', T0, 5);
    expect(pending).toMatchObject({ status: 'PENDING', matchCount: 2 });
    const still = applyMatches(pending, group, window, 'b2', T0, 5);
    expect(still.status).toBe('PENDING');
    expect(applyMatches(still, matchGroup({ count: 1 }, { threshold: 5 }), window, 'b3', T0, 5)).toMatchObject({ status: 'OPEN', matchCount: 5 });
  });

  it('changes nothing when the same batch is applied again', () => {
    const alert = applyMatches(undefined, matchGroup({ count: 3 }), window, 'b1', T0, 5);
    expect(applyMatches(alert, matchGroup({ count: 3 }), window, 'b1', T0.plus({ minutes: 5 }), 5)).toBe(alert);
  });

  it('keeps acknowledged alerts acknowledged while counting new matches', () => {
    const acked = { ...applyMatches(undefined, matchGroup(), window, 'b1', T0, 5), status: 'ACKNOWLEDGED' as const };
    expect(applyMatches(acked, matchGroup({ count: 4 }), window, 'b2', T0, 5)).toMatchObject({ status: 'ACKNOWLEDGED', matchCount: 5 });
  });

  it('widens first and last seen to cover every batch', () => {
    const alert = applyMatches(undefined, matchGroup({ firstSeen: '2026-11-22T09:30:00.000Z', lastSeen: '2026-11-22T09:40:00.000Z' }), window, 'b1', T0, 5);
    const later = applyMatches(alert, matchGroup({ firstSeen: '2026-11-22T09:20:00.000Z', lastSeen: '2026-11-22T09:50:00.000Z' }), window, 'b2', T0, 5);
    expect([later.firstSeen, later.lastSeen]).toEqual(['2026-11-22T09:20:00.000Z', '2026-11-22T09:50:00.000Z']);
  });

  it('keeps a bounded sample of events', () => {
    const samples = Array.from({ length: 8 }, (_, i) => normalizedCloudTrail({ eventID: `e${i}` }, i + 1));
    const alert = applyMatches(undefined, matchGroup({ count: 8, samples }), window, 'b1', T0, 5);
    expect(alert.samples.map((e) => e['eventID'])).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('drops samples rather than outgrow a DynamoDB item', () => {
    const huge = normalizedCloudTrail({ requestParameters: { blob: 'x'.repeat(60_000) } });
    const alert = applyMatches(undefined, matchGroup({ count: 5, samples: [huge, huge, huge, huge, huge] }), window, 'b1', T0, 5);
    expect(alert.samples.length).toBeLessThan(5);
    expect(Buffer.byteLength(JSON.stringify(alert))).toBeLessThan(300 * 1024);
  });

  it('remembers only a bounded number of batches', () => {
    let alert = applyMatches(undefined, matchGroup(), window, 'b0', T0, 5);
    for (let i = 1; i <= RECENT_BATCHES + 10; i++) alert = applyMatches(alert, matchGroup(), window, `b${i}`, T0, 5);
    expect(alert.recentBatches).toHaveLength(RECENT_BATCHES);
    expect(alert.recentBatches[0]).toBe(`b${RECENT_BATCHES + 10}`);
  });
});
