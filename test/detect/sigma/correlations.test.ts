import { EMPTY_DETECTION_SETTINGS } from '../../../src/config/detection-settings';
import { stringify } from 'yaml';
import { createEngine } from '../../../src/detect/engine';
import { ReplayAlerts } from '../../../src/detect/replay';
import type { Rule } from '../../../src/detect/rule';
import { readSigmaRules } from '../../../src/detect/sigma';
import type { NormalizedEvent } from '../../../src/logs/log-type';
import { sigmaDocument } from './sigma-helpers';
import { rulesDirectory } from './sigma-files';

const base = (name: string, eventName: string, id = `${name}-id`): string =>
  sigmaDocument({ selection: { eventName }, condition: 'selection' }, { title: name.replace(/_/g, ' '), id, name });

function correlation(title: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return stringify({ title, id: `${title}-id`, author: 'Prowl tests', level: 'high', correlation: body, ...extra });
}

/** Loads the documents from one file and reports what loaded and what was skipped. */
function load(...documents: string[]): ReturnType<typeof readSigmaRules> {
  const dir = rulesDirectory();
  try {
    dir.write('rules.yml', documents.join('---\n'));
    return readSigmaRules(dir.root);
  } finally {
    dir.remove();
  }
}

let second = 0;
function event(eventName: string, fields: Record<string, unknown> = {}): NormalizedEvent {
  second += 1;
  return {
    p_log_type: 'AWS.CloudTrail',
    p_event_time: `2026-11-22T10:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}Z`,
    eventName,
    recipientAccountId: '123456789012',
    userIdentity: { arn: 'arn:aws:iam::123456789012:user/alice' },
    ...fields,
  } as unknown as NormalizedEvent;
}

function replay(rules: readonly Rule[], events: readonly NormalizedEvent[]): Array<{ ruleId: string; count: number; dedup: string }> {
  const engine = createEngine(rules, { timeBudgetMs: 1000, settings: EMPTY_DETECTION_SETTINGS });
  const alerts = new ReplayAlerts();
  for (const one of events) engine.evaluate(one).matches.forEach((match) => alerts.add(match));
  return alerts.alerts().map(({ ruleId, count, dedup }) => ({ ruleId, count, dedup }));
}

const rulesOf = (report: ReturnType<typeof readSigmaRules>): Rule[] => report.loaded.map(({ rule }) => rule);

describe('Sigma correlation rules', () => {
  it('event_count fires when the group reaches the count within the timespan, per group-by value', () => {
    const report = load(
      base('denied', 'GetSecretValue'),
      correlation('Many Secret Reads', { type: 'event_count', rules: ['denied'], 'group-by': ['userIdentity.arn'], timespan: '10m', condition: { gte: 3 } }),
    );
    expect(report.skipped).toEqual([]);
    const bob = { userIdentity: { arn: 'arn:aws:iam::123456789012:user/bob' } };
    expect(replay(rulesOf(report), [event('GetSecretValue'), event('GetSecretValue'), event('GetSecretValue', bob), event('GetSecretValue', bob)])).toEqual([]);
    expect(replay(rulesOf(report), [event('GetSecretValue'), event('GetSecretValue'), event('GetSecretValue'), event('GetSecretValue', bob)])).toEqual([
      { ruleId: 'Sigma.AWS.CloudTrail.ManySecretReads', count: 3, dedup: 'userIdentity.arn="arn:aws:iam::123456789012:user/alice"' },
    ]);
  });

  it('event_count with gt fires one past the number', () => {
    const rule = rulesOf(
      load(base('denied', 'GetSecretValue'), correlation('Over Two', { type: 'event_count', rules: ['denied-id'], timespan: '1h', condition: { gt: 2 } })),
    ).find((one) => one.id.endsWith('OverTwo'));
    expect(rule).toMatchObject({ threshold: 3, dedupPeriodMinutes: 60, severity: 'HIGH' });
  });

  it('value_count counts distinct values of the field, not events', () => {
    const report = load(
      base('read', 'GetSecretValue'),
      correlation('Many Distinct Secrets', {
        type: 'value_count',
        rules: ['read'],
        'group-by': ['userIdentity.arn'],
        timespan: '5m',
        condition: { field: 'requestParameters.secretId', gte: 3 },
      }),
    );
    const read = (secretId: string): NormalizedEvent => event('GetSecretValue', { requestParameters: { secretId } });
    expect(replay(rulesOf(report), [read('a'), read('a'), read('b'), read('b')])).toEqual([]);
    // Values are compared as written, as a backend's distinct count does: AWS names are case-sensitive.
    expect(replay(rulesOf(report), [read('a'), read('A'), read('b')])).toEqual([expect.objectContaining({ count: 3 })]);
    expect(replay(rulesOf(report), [read('a'), read('b'), read('a'), read('c')])).toEqual([
      expect.objectContaining({ ruleId: 'Sigma.AWS.CloudTrail.ManyDistinctSecrets', count: 4 }),
    ]);
  });

  it('temporal fires when every listed rule matched for the same group within the timespan, in any order', () => {
    const report = load(
      base('key_created', 'CreateAccessKey'),
      base('trail_stopped', 'StopLogging'),
      correlation('Key Then Blind', { type: 'temporal', rules: ['key_created', 'trail_stopped'], 'group-by': ['userIdentity.arn'], timespan: '15m' }),
    );
    const rules = rulesOf(report);
    expect(replay(rules, [event('StopLogging'), event('StopLogging')])).toEqual([]);
    expect(replay(rules, [event('StopLogging'), event('CreateAccessKey', { userIdentity: { arn: 'arn:other' } })])).toEqual([]);
    expect(replay(rules, [event('StopLogging'), event('CreateAccessKey')])).toEqual([
      expect.objectContaining({ ruleId: 'Sigma.AWS.CloudTrail.KeyThenBlind', count: 2 }),
    ]);
  });

  it('temporal groups by aliases: a field named differently in each rule’s events', () => {
    const report = load(
      base('key_created', 'CreateAccessKey'),
      base('key_used', 'ListBuckets'),
      correlation('New Key Used', {
        type: 'temporal',
        rules: ['key_created', 'key_used'],
        'group-by': ['key'],
        timespan: '1h',
        aliases: { key: { key_created: 'responseElements.accessKey.accessKeyId', key_used: 'userIdentity.accessKeyId' } },
      }),
    );
    const created = event('CreateAccessKey', { responseElements: { accessKey: { accessKeyId: 'AKIAEXAMPLE' } } });
    const used = (key: string): NormalizedEvent => event('ListBuckets', { userIdentity: { arn: 'arn:someone', accessKeyId: key } });
    expect(replay(rulesOf(report), [created, used('AKIAOTHER')])).toEqual([]);
    expect(replay(rulesOf(report), [created, used('AKIAEXAMPLE')])).toEqual([
      expect.objectContaining({ ruleId: 'Sigma.AWS.CloudTrail.NewKeyUsed', dedup: 'key="AKIAEXAMPLE"' }),
    ]);
  });

  it('turns the rules it reads off on their own, unless generate is true', () => {
    const quiet = load(base('read', 'GetSecretValue'), correlation('Quiet', { type: 'event_count', rules: ['read'], timespan: '5m', condition: { gte: 2 } }));
    expect(quiet.loaded.map(({ rule, correlatedBy }) => [rule.id, rule.enabled, correlatedBy])).toEqual([
      ['Sigma.AWS.CloudTrail.Read', false, ['Quiet']],
      ['Sigma.AWS.CloudTrail.Quiet', true, []],
    ]);
    const loud = load(
      base('read', 'GetSecretValue'),
      correlation('Loud', { type: 'event_count', rules: ['read'], timespan: '5m', condition: { gte: 2 } }, { generate: true }),
    );
    expect(loud.loaded[0]?.rule.enabled).toBe(true);
  });

  it('skips a correlation it cannot run, with its line and reason, and loads the rest', () => {
    const report = load(
      base('read', 'GetSecretValue'),
      correlation('Unknown Rule', { type: 'event_count', rules: ['nope'], timespan: '5m', condition: { gte: 2 } }),
      correlation('Upper Bound', { type: 'event_count', rules: ['read'], timespan: '5m', condition: { lt: 2 } }),
      correlation('Ordered', { type: 'temporal_ordered', rules: ['read'], timespan: '5m' }),
      correlation('Chained', { type: 'event_count', rules: ['Unknown Rule-id'], timespan: '5m', condition: { gte: 2 } }),
      correlation('Bad Span', { type: 'event_count', rules: ['read'], timespan: '5 minutes', condition: { gte: 2 } }),
    );
    expect(report.loaded.map(({ rule }) => rule.id)).toEqual(['Sigma.AWS.CloudTrail.Read']);
    expect(report.skipped.map(({ rule, kind, line, message }) => [rule, kind, typeof line, message])).toEqual([
      ['Bad Span', 'document', 'number', 'must be a number and a unit: 30s, 5m, 1h or 2d'],
      ['Unknown Rule', 'correlation', 'number', expect.stringContaining('no loaded rule has the id or name "nope"')],
      ['Upper Bound', 'unsupported', 'number', expect.stringContaining('condition lt is not supported')],
      ['Ordered', 'unsupported', 'number', expect.stringContaining('temporal_ordered is not supported')],
      ['Chained', 'unsupported', 'number', expect.stringContaining('chaining correlations is not supported')],
    ]);
  });
});
