import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createEngine, LIMITS } from '../../src/detect/engine';
import { defineRule } from '../../src/detect/rule';
import { normalizedCloudTrail } from '../helpers/alerts';

const base = { logTypes: ['AWS.CloudTrail'] as const, severity: 'LOW' as const, description: 'd', runbook: 'r', tags: [], tests: [] };

describe('the detection engine', () => {
  it('contains a rule that throws and keeps evaluating the others', () => {
    const broken = defineRule({ ...base, id: 'AWS.CloudTrail.Broken', rule: (event) => (event.requestParameters as { x: { y: string } }).x.y === 'z' });
    const fine = defineRule({ ...base, id: 'AWS.CloudTrail.Fine', rule: () => true });
    const { matches, failures } = createEngine([broken, fine], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(normalizedCloudTrail());
    expect(matches.map((m) => m.rule.id)).toEqual(['AWS.CloudTrail.Fine']);
    expect(failures).toEqual([expect.objectContaining({ ruleId: 'AWS.CloudTrail.Broken', kind: 'rule:TypeError' })]);
  });

  it('falls back from a failing title to the rule id, and from a missing dedup to the title', () => {
    const rule = defineRule({
      ...base,
      id: 'AWS.CloudTrail.NoTitle',
      rule: () => true,
      title: () => {
        throw new RangeError('nope');
      },
    });
    const { matches, failures } = createEngine([rule], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(normalizedCloudTrail());
    expect(matches[0]).toMatchObject({ title: 'AWS.CloudTrail.NoTitle', dedup: 'AWS.CloudTrail.NoTitle' });
    expect(failures[0]?.kind).toBe('title:RangeError');
  });

  it('reports a rule that runs over its time budget', () => {
    let clock = 0;
    const slow = defineRule({
      ...base,
      id: 'AWS.CloudTrail.Slow',
      rule: () => {
        clock += 50;
        return false;
      },
    });
    const { failures } = createEngine([slow], { timeBudgetMs: 10, now: () => clock, settings: EMPTY_DETECTION_SETTINGS }).evaluate(normalizedCloudTrail());
    expect(failures).toEqual([expect.objectContaining({ kind: 'rule:timeout', message: 'rule() took 50 ms, over the 10 ms budget' })]);
  });

  it('truncates long titles and dedup keys and drops oversized alert context', () => {
    const rule = defineRule({
      ...base,
      id: 'AWS.CloudTrail.Big',
      rule: () => true,
      title: () => 't'.repeat(5000),
      dedup: () => 'd'.repeat(5000),
      alertContext: () => ({ blob: 'x'.repeat(LIMITS.alertContextBytes + 1) }),
    });
    const [match] = createEngine([rule], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS }).evaluate(normalizedCloudTrail()).matches;
    expect(match!.title).toHaveLength(LIMITS.title);
    expect(match!.dedup).toHaveLength(LIMITS.dedup);
    expect(match!.context).toEqual({ error: expect.stringContaining('dropped') });
  });

  it('only runs rules for the event’s log type and skips disabled rules', () => {
    const off = defineRule({ ...base, id: 'AWS.CloudTrail.Off', enabled: false, rule: () => true });
    const engine = createEngine([off], { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS });
    expect(engine.evaluate(normalizedCloudTrail()).matches).toEqual([]);
    expect(engine.rulesFor('AWS.VPCFlow')).toEqual([]);
  });
});
