import { rules } from '../../detections';
import { policies } from '../../detections/policies';
import { runDetectionTests } from '../../src/detect/detection-tests';
import { bundledSigma, bundledSubjects } from '../helpers/bundled-pack';

// Run once, through the real parsers, validators, engine and evaluator; each case is then its own
// test, so a failure names its detection and its case.
const results = runDetectionTests(bundledSubjects());

describe("the bundled detections' own tests (rules, Sigma rules and policies)", () => {
  it.each(results.map((result) => [result.kind, result.detectionId, result.testName, result] as const))('%s %s: %s', (_kind, _id, _testName, result) => {
    expect(result.passed ? 'passed' : result.reason).toBe('passed');
  });

  it('ran every detection of every kind and every case: nothing was silently skipped', () => {
    const detections = [...rules, ...bundledSigma.map(({ rule }) => rule), ...policies];
    // A coverage result per detection, plus each of its cases.
    expect(results).toHaveLength(detections.length + detections.reduce((sum, detection) => sum + detection.tests.length, 0));
    expect(new Set(results.map((result) => result.kind))).toEqual(new Set(['rule', 'sigma', 'policy']));
  });
});
