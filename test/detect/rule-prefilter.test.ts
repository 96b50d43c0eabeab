import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createEngine } from '../../src/detect/engine';
import { defineRule, type Rule } from '../../src/detect/rule';
import type { NormalizedEvent } from '../../src/logs/log-type';
import { sigmaRule } from './sigma/sigma-helpers';

const event = (fields: Record<string, unknown>): NormalizedEvent =>
  ({ p_log_type: 'AWS.CloudTrail', p_event_time: '2026-11-22T10:00:00Z', ...fields }) as unknown as NormalizedEvent;
const base = { logTypes: ['AWS.CloudTrail'] as const, severity: 'LOW' as const, description: 'd', runbook: 'r', tags: [], tests: [] };

describe('skipping Sigma rules an event cannot match', () => {
  it('derives the values a rule’s selections require, through conditions', () => {
    const prefilter = (detection: Record<string, unknown>): unknown => {
      const filter = sigmaRule(detection).prefilter;
      return filter && { field: filter.field, values: [...filter.values].sort() };
    };
    expect(prefilter({ selection: { eventSource: 'iam.amazonaws.com', eventName: ['CreateUser', 'DeleteUser'] }, condition: 'selection' })).toEqual({
      field: 'eventName',
      values: ['createuser', 'deleteuser'],
    });
    expect(prefilter({ a: { eventName: 'A' }, b: { eventName: 'B' }, condition: '1 of *' })).toEqual({ field: 'eventName', values: ['a', 'b'] });
    expect(prefilter({ a: { eventName: 'A' }, b: { userAgent: 'x' }, condition: 'a or b' })).toBeUndefined();
    expect(prefilter({ a: { eventName: ['A', 'B'] }, b: { eventName: ['B', 'C'] }, condition: 'a and b' })).toEqual({ field: 'eventName', values: ['b'] });
    expect(prefilter({ a: { eventSource: 's' }, b: { eventName: 'X' }, condition: 'a and not b' })).toEqual({ field: 'eventSource', values: ['s'] });
    expect(prefilter({ a: { 'eventName|contains': 'Put' }, condition: 'a' })).toBeUndefined();
    expect(prefilter({ a: { eventName: ['A', null] }, condition: 'a' })).toBeUndefined();
    expect(prefilter({ a: [{ eventName: 'A' }, { eventName: 'B', x: 1 }], condition: 'a' })).toEqual({ field: 'eventName', values: ['a', 'b'] });
  });

  it('runs exactly the rules that match, in their order, whatever the case of the value', () => {
    // A counting rule, so one-pack-per-event arbitration leaves every match in place.
    const everything = defineRule({ ...base, id: 'AWS.CloudTrail.Everything', threshold: 2, rule: () => true });
    const create = sigmaRule({ selection: { eventName: 'CreateUser' }, condition: 'selection' }, { title: 'Create' });
    const del = sigmaRule({ selection: { eventName: ['DeleteUser', 'CreateUser'] }, condition: 'selection' }, { title: 'Delete' });
    const rules: Rule[] = [create, everything, del];
    const engine = createEngine(rules, { timeBudgetMs: 1e9, settings: EMPTY_DETECTION_SETTINGS });
    const ids = (fields: Record<string, unknown>): string[] => engine.evaluate(event(fields)).matches.map((match) => match.rule.id);
    expect(ids({ eventName: 'CreateUser' })).toEqual(['Sigma.AWS.CloudTrail.Create', 'AWS.CloudTrail.Everything', 'Sigma.AWS.CloudTrail.Delete']);
    expect(ids({ eventName: 'createuser' })).toEqual(['Sigma.AWS.CloudTrail.Create', 'AWS.CloudTrail.Everything', 'Sigma.AWS.CloudTrail.Delete']);
    expect(ids({ eventName: 'DeleteUser' })).toEqual(['AWS.CloudTrail.Everything', 'Sigma.AWS.CloudTrail.Delete']);
    expect(ids({ eventName: 'ListUsers' })).toEqual(['AWS.CloudTrail.Everything']);
    // A value that is not a string (hostile or odd data) runs every rule, which then decide as always.
    expect(ids({ eventName: ['CreateUser'] })).toEqual(['Sigma.AWS.CloudTrail.Create', 'AWS.CloudTrail.Everything', 'Sigma.AWS.CloudTrail.Delete']);
    expect(engine.rulesFor('AWS.CloudTrail').map((rule) => rule.id)).toEqual([
      'Sigma.AWS.CloudTrail.Create',
      'AWS.CloudTrail.Everything',
      'Sigma.AWS.CloudTrail.Delete',
    ]);
  });
});
