import { rules } from '../../detections';
import { EMPTY_DETECTION_SETTINGS } from '../../src/config/detection-settings';
import { createEngine } from '../../src/detect/engine';
import { normalize } from '../../src/logs/normalize';
import { builtInLogTypes } from '../../src/logs/registry';

/**
 * One risky call should raise one alert. Every rule's matching test events are run through the
 * whole pack; no other rule that alerts on a single event may match them too. Rules that only
 * count towards a threshold (bursts, sweeps) may, and so may the two context rules whose job is
 * to report every call of a kind whatever else it means: any root call, any write in a region the
 * organisation does not use.
 */
const ALERTS_ON_EVERY_CALL_BY_DESIGN = new Set(['AWS.CloudTrail.RootActivity', 'AWS.CloudTrail.UnapprovedRegionActivity']);

const singleEventRules = rules.filter((rule) => rule.threshold === 1 && !ALERTS_ON_EVERY_CALL_BY_DESIGN.has(rule.id));

const cases = singleEventRules.flatMap((rule) => rule.tests.filter((test) => test.expect).map((test) => ({ rule, test })));

it.each(cases.map(({ rule, test }) => [`${rule.id}: ${test.name}`, rule, test] as const))('%s raises one alert', (_name, rule, test) => {
  const logType = builtInLogTypes.byName(test.logType ?? rule.logTypes[0]!);
  const event = normalize(
    logType,
    logType.schema.parse(test.event),
    { sourceId: 'test', sourceLabel: 'test', objectId: rule.id, position: 1 },
    '2026-11-22T10:00:00.000Z',
  );
  const engine = createEngine(singleEventRules, { timeBudgetMs: Number.POSITIVE_INFINITY, settings: { ...EMPTY_DETECTION_SETTINGS, ...test.settings } });
  const others = engine
    .evaluate(event)
    .matches.map((match) => match.rule.id)
    .filter((id) => id !== rule.id);
  expect(others).toEqual([]);
});
