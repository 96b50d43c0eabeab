import { rules as typeScriptPack } from '../../../detections';
import { EMPTY_DETECTION_SETTINGS } from '../../../src/config/detection-settings';
import { createEngine } from '../../../src/detect/engine';
import { normalize } from '../../../src/logs/normalize';
import { logTypeByName } from '../../../src/logs/registry';
import { bundledSigma } from '../../helpers/bundled-pack';

/** The bundled Sigma rules; the catalog (test/detections/catalog.test.ts) checks their metadata and tests. */
const rules = bundledSigma.map(({ rule }) => rule);

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
