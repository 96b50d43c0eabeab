import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules as typeScriptPack } from '../../../detections';
import { EMPTY_DETECTION_SETTINGS } from '../../../src/config/detection-settings';
import { createEngine } from '../../../src/detect/engine';
import { loadSigmaRules } from '../../../src/detect/sigma';
import { normalize } from '../../../src/logs/normalize';
import { logTypeByName } from '../../../src/logs/registry';

const PACK = join(__dirname, '..', '..', '..', 'detections', 'sigma');
const rules = loadSigmaRules(PACK);

describe('the Sigma pack in detections/sigma', () => {
  it('loads one rule per .yml file in the folder, all CloudTrail, enabled and written by the Prowl maintainers', () => {
    const files = readdirSync(PACK).filter((file) => file.endsWith('.yml') && !file.endsWith('.tests.yml'));
    expect(rules.length).toBe(files.length);
    for (const rule of rules) expect(rule).toMatchObject({ origin: 'sigma', logTypes: ['AWS.CloudTrail'], enabled: true, author: 'Prowl maintainers' });
  });

  it('gives every rule a reference, ATT&CK tags in Tactic:Technique form and a runbook from its false positives', () => {
    for (const rule of rules) {
      expect(rule.reference).toMatch(/^https:\/\//);
      expect(rule.tags.length).toBeGreaterThan(0);
      for (const tag of rule.tags) expect(tag).toMatch(/^TA\d{4}:T\d{4}(\.\d{3})?$/);
      expect(rule.runbook).toContain('Known false positives');
    }
  });

  it('gives every rule at least one matching and one non-matching test', () => {
    for (const rule of rules) {
      expect([rule.id, rule.tests.some((test) => test.expect)]).toEqual([rule.id, true]);
      expect([rule.id, rule.tests.some((test) => !test.expect)]).toEqual([rule.id, true]);
    }
  });
});

describe('the Sigma and TypeScript packs together', () => {
  /** Every rule of both packs, as ingestion runs them; used to prove no event raises two alerts. */
  const both = createEngine([...typeScriptPack.filter((rule) => rule.enabled), ...rules], {
    timeBudgetMs: Number.POSITIVE_INFINITY,
    now: () => 0,
    settings: EMPTY_DETECTION_SETTINGS,
  });
  const events = [...rules, ...typeScriptPack].flatMap((rule) => rule.tests.filter((test) => test.expect).map((test) => ({ rule, test })));

  it.each(events.map(({ rule, test }) => [`${rule.id}: ${test.name}`, rule, test] as const))('never both alert on one event: %s', (_name, rule, test) => {
    const logType = logTypeByName(test.logType ?? rule.logTypes[0]!);
    const event = normalize(
      logType,
      logType.schema.parse(test.event),
      { sourceId: 'packs', sourceLabel: 'packs', objectId: rule.id, position: 1 },
      '2026-11-22T10:05:00.000Z',
    );
    const origins = new Set(both.evaluate(event).matches.map((match) => match.rule.origin));
    expect(origins.size).toBeLessThanOrEqual(1);
  });
});
