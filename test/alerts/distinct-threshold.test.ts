import { applyMatches, nextWindow } from '../../src/alerts/dedup';
import { MatchGroups } from '../../src/alerts/match-groups';
import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createEngine } from '../../src/detect/engine';
import { defineRule, DISTINCT_LIMITS, type Rule } from '../../src/detect/rule';
import type { NormalizedEvent } from '../../src/logs/log-type';
import { cloudTrailEvent } from '../../src/detect/test-events';
import { matchGroup, normalizedCloudTrail, T0 } from '../helpers/alerts';

/** A rule counting distinct secret ids, the way batch reads are counted. */
function secretsRule(options: { id?: string; threshold?: number; distinctValues?: (event: NormalizedEvent) => readonly string[] } = {}): Rule {
  return defineRule({
    id: options.id ?? 'AWS.CloudTrail.TestSecretsRead',
    logTypes: ['AWS.CloudTrail'],
    severity: 'MEDIUM',
    description: 'Test.',
    runbook: 'Test.',
    tags: ['TA0006:T1555.006'],
    threshold: options.threshold ?? 3,
    rule: (event) => event.eventSource === 'secretsmanager.amazonaws.com',
    dedup: () => 'alice',
    distinctValues:
      options.distinctValues ??
      ((event) => {
        const ids = event.requestParameters?.['secretIdList'];
        return Array.isArray(ids) ? (ids as string[]) : [String(event.requestParameters?.['secretId'])];
      }),
    tests: [],
  });
}

const secretsRead = secretsRule();

function read(params: Record<string, unknown>): ReturnType<typeof normalizedCloudTrail> {
  return normalizedCloudTrail({ eventSource: 'secretsmanager.amazonaws.com', eventName: 'BatchGetSecretValue', requestParameters: params });
}

describe('thresholds over distinct values', () => {
  const engine = createEngine([secretsRead], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS });

  it('take every value a batch call carries from one event', () => {
    const [match] = engine.evaluate(read({ secretIdList: ['db', 'api', 'db'] })).matches;
    expect(match?.values).toEqual(['db', 'api']);
  });

  it('open the alert on the number of different values, not the number of calls', () => {
    const groups = new MatchGroups(5);
    for (const event of [read({ secretId: 'db' }), read({ secretId: 'db' }), read({ secretId: 'db' })])
      engine.evaluate(event).matches.forEach((m) => groups.addMatch(m));
    const [sameSecret] = groups.list();
    const window = nextWindow(undefined, sameSecret!, T0);
    const pending = applyMatches(undefined, sameSecret!, window, 'b1', T0, 5);
    expect(pending).toMatchObject({ status: 'PENDING', matchCount: 3, distinctValues: ['db'] });

    const later = new MatchGroups(5);
    engine.evaluate(read({ secretIdList: ['db', 'api', 'billing'] })).matches.forEach((m) => later.addMatch(m));
    const opened = applyMatches(pending, later.list()[0]!, window, 'b2', T0, 5);
    expect(opened).toMatchObject({ status: 'OPEN', matchCount: 4, distinctValues: ['db', 'api', 'billing'] });
  });

  it('count values across batches once each, and a retried batch not at all', () => {
    const group = matchGroup({ values: new Set(['a', 'b']) }, { threshold: 3 });
    const window = nextWindow(undefined, group, T0);
    const first = applyMatches(undefined, group, window, 'b1', T0, 5);
    expect(applyMatches(first, group, window, 'b1', T0, 5)).toBe(first);
    const second = applyMatches(first, matchGroup({ values: new Set(['b', 'a']) }, { threshold: 3 }), window, 'b2', T0, 5);
    expect(second).toMatchObject({ status: 'PENDING', distinctValues: ['a', 'b'] });
  });

  it('keep the remembered values bounded however many arrive', () => {
    const many = new Set(Array.from({ length: DISTINCT_LIMITS.valuesPerAlert + 50 }, (_, i) => `secret-${i}`));
    const group = matchGroup({ values: many }, { threshold: 10 });
    const alert = applyMatches(undefined, group, nextWindow(undefined, group, T0), 'b1', T0, 5);
    expect(alert.distinctValues).toHaveLength(DISTINCT_LIMITS.valuesPerAlert);
    expect(alert.status).toBe('OPEN');
  });

  it('bound what one event contributes, and turn a throwing distinctValues into a rule error with no values', () => {
    const noisy = secretsRule({ id: 'AWS.CloudTrail.TestNoisy', distinctValues: () => Array.from({ length: 500 }, (_, i) => `${'x'.repeat(300)}${i}`) });
    const [match] = createEngine([noisy], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(read({})).matches;
    expect(match?.values).toHaveLength(DISTINCT_LIMITS.valuesPerMatch);
    expect(match?.values?.every((value) => value.length <= DISTINCT_LIMITS.valueLength)).toBe(true);

    const broken = secretsRule({
      id: 'AWS.CloudTrail.TestBroken',
      distinctValues: () => {
        throw new TypeError('bad');
      },
    });
    const { matches, failures } = createEngine([broken], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(read({}));
    expect(matches[0]?.values).toEqual([]);
    expect(failures.map((f) => f.kind)).toEqual(['distinctValues:TypeError']);
  });

  it('refuse a threshold larger than an alert can remember', () => {
    expect(() => secretsRule({ threshold: DISTINCT_LIMITS.valuesPerAlert + 1 })).toThrow(/at most/);
  });

  it('leave rules without distinctValues counting matches', () => {
    const alert = applyMatches(undefined, matchGroup({ count: 2 }, { threshold: 2 }), nextWindow(undefined, matchGroup(), T0), 'b1', T0, 5);
    expect(alert.status).toBe('OPEN');
    expect(alert.distinctValues).toBeUndefined();
  });
});

describe('rule context', () => {
  it('hands every rule function the settings the engine was built with', () => {
    const seen: string[][] = [];
    const rule = defineRule({
      id: 'AWS.CloudTrail.TestContext',
      logTypes: ['AWS.CloudTrail'],
      severity: 'LOW',
      description: 'Test.',
      runbook: 'Test.',
      tags: ['TA0005:T1535'],
      rule: (_event, { settings }) => settings.approvedRegions.length > 0,
      title: (_event, { settings }) => {
        seen.push(settings.approvedRegions);
        return 'titled';
      },
      tests: [],
    });
    const settings = { ...EMPTY_DETECTION_SETTINGS, approvedRegions: ['eu-west-1'] };
    expect(createEngine([rule], { timeBudgetMs: 100, settings }).evaluate(normalizedCloudTrail(cloudTrailEvent())).matches).toHaveLength(1);
    expect(seen).toEqual([['eu-west-1']]);
    expect(
      createEngine([rule], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(normalizedCloudTrail(cloudTrailEvent())).matches,
    ).toHaveLength(0);
  });
});

describe('threshold state that never reaches its threshold', () => {
  it('carries a TTL a day after its window ends, dropped once the alert opens', () => {
    const group = matchGroup({ count: 1 }, { threshold: 2 });
    const window = nextWindow(undefined, group, T0);
    expect(window.expiresAt).toBe(Math.floor(T0.plus({ minutes: 60, days: 1 }).toSeconds()));
    const pending = applyMatches(undefined, group, window, 'b1', T0, 5);
    expect(pending).toMatchObject({ status: 'PENDING', expiresAt: window.expiresAt });
    const opened = applyMatches(pending, group, window, 'b2', T0.plus({ minutes: 5 }), 5);
    expect(opened.status).toBe('OPEN');
    expect(opened).not.toHaveProperty('expiresAt');
  });
});
