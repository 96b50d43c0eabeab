import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createEngine } from '../../src/detect/engine';
import { defineRule, type Rule } from '../../src/detect/rule';
import { normalizedCloudTrail } from '../helpers/alerts';

const base = { logTypes: ['AWS.CloudTrail'] as const, description: 'd', runbook: 'r', tags: [], tests: [], rule: () => true };
const sigma = (rule: Rule): Rule => ({ ...rule, origin: 'sigma' });

function firing(rules: Rule[]): Array<[string, Record<string, unknown>]> {
  return createEngine(rules, { timeBudgetMs: 100, settings: EMPTY_DETECTION_SETTINGS })
    .evaluate(normalizedCloudTrail())
    .matches.map((match) => [match.rule.id, match.context]);
}

describe('one event, one pack', () => {
  const typescriptLow = defineRule({ ...base, id: 'AWS.CloudTrail.Ts', severity: 'LOW' });
  const sigmaMedium = sigma(defineRule({ ...base, id: 'Sigma.AWS.CloudTrail.Medium', severity: 'MEDIUM' }));
  const sigmaLow = sigma(defineRule({ ...base, id: 'Sigma.AWS.CloudTrail.Low', severity: 'LOW' }));

  it('keeps the more severe pack’s alerts and names the other pack’s rules in their context', () => {
    expect(firing([typescriptLow, sigmaMedium, sigmaLow])).toEqual([
      ['Sigma.AWS.CloudTrail.Medium', { alsoMatched: ['AWS.CloudTrail.Ts'] }],
      ['Sigma.AWS.CloudTrail.Low', { alsoMatched: ['AWS.CloudTrail.Ts'] }],
    ]);
  });

  it('keeps the TypeScript pack on a tie of severities', () => {
    expect(firing([typescriptLow, sigmaLow])).toEqual([['AWS.CloudTrail.Ts', { alsoMatched: ['Sigma.AWS.CloudTrail.Low'] }]]);
  });

  it('leaves counting rules alone, so a threshold or correlation still sees every match', () => {
    const counting = sigma(defineRule({ ...base, id: 'Sigma.AWS.CloudTrail.Counting', severity: 'LOW', threshold: 5 }));
    expect(firing([typescriptLow, counting]).map(([id]) => id)).toEqual(['AWS.CloudTrail.Ts', 'Sigma.AWS.CloudTrail.Counting']);
  });

  it('lets rules of one pack all fire together', () => {
    const other = defineRule({ ...base, id: 'AWS.CloudTrail.Other', severity: 'HIGH' });
    expect(firing([typescriptLow, other]).map(([id]) => id)).toEqual(['AWS.CloudTrail.Ts', 'AWS.CloudTrail.Other']);
  });
});
