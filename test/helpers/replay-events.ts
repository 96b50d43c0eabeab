import { rules } from '../../detections';
import type { DetectionSettings } from '../../src/config/detection-settings';
import { createEngine } from '../../src/detect/engine';
import { ReplayAlerts, type ReplayAlert } from '../../src/detect/replay';
import { cloudTrail, type CloudTrailEvent } from '../../src/logs/cloudtrail';
import { normalize } from '../../src/logs/normalize';

/**
 * Runs CloudTrail records through the real parser, the whole pack and threshold counting (distinct
 * values included), a minute apart from 10:00, and returns the alerts that would fire.
 */
export function replayCloudTrail(events: CloudTrailEvent[], settings: DetectionSettings): ReplayAlert[] {
  const engine = createEngine(rules, { timeBudgetMs: Number.POSITIVE_INFINITY, now: () => 0, settings });
  const replay = new ReplayAlerts();
  events.forEach((raw, i) => {
    const record = cloudTrail.schema.parse({ ...raw, eventID: `replay-${i}`, eventTime: `2026-11-22T10:${String(Math.min(i, 59)).padStart(2, '0')}:00Z` });
    const event = normalize(cloudTrail, record, { sourceId: 'replay', sourceLabel: 'replay', objectId: 'replay', position: i + 1 }, '2026-11-22T10:00:00.000Z');
    const { matches, failures } = engine.evaluate(event);
    if (failures.length > 0) throw new Error(`a rule failed: ${failures.map((f) => `${f.ruleId} ${f.kind}: ${f.message}`).join('; ')}`);
    matches.forEach((match) => replay.add(match));
  });
  return replay.alerts();
}
