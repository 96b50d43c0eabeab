import type { Severity } from '../config/severity';
import type { DetectionKind } from './detection-metadata';

/** The outcome of one test of one detection; `reason` says why a failing test failed. */
export interface DetectionTestResult {
  kind: DetectionKind;
  detectionId: string;
  testName: string;
  passed: boolean;
  reason?: string;
  /** What the alert would say, when the case fired: lets a report or a test show it. */
  title?: string;
  dedup?: string;
  severity?: Severity;
}

/** How one case ran, as the kind that ran it reports it. */
export type CaseOutcome = Omit<DetectionTestResult, 'kind' | 'detectionId' | 'testName'>;

/** One test case of any kind: a name for reports, the side it is on, and how to run it. */
export interface DetectionCase {
  name: string;
  expect: boolean;
  /** Runs the case through the real parser or validator and evaluator. */
  run(): CaseOutcome;
}

/**
 * A detection as the runner sees it; each kind supplies one (rule-tests.ts, policy-tests.ts).
 * `expect: true` means "fires" for a rule and "complies" for a policy, so the kind names both sides
 * of the coverage check in its own words.
 */
export interface TestSubject {
  kind: DetectionKind;
  id: string;
  cases: readonly DetectionCase[];
  coverage: {
    /** The pseudo-test a detection fails when one side is missing, e.g. "has matching and non-matching tests". */
    testName: string;
    /** What is required, e.g. "every rule needs at least one matching and one non-matching test". */
    requirement: string;
  };
}

/** Detections whose id contains `filter` (case-insensitive); all of them when there is no filter. */
export function selectDetections<D extends { id: string }>(detections: readonly D[], filter?: string): D[] {
  const needle = filter?.toLowerCase();
  return needle ? detections.filter((detection) => detection.id.toLowerCase().includes(needle)) : [...detections];
}

/**
 * Runs every selected detection's own tests, whatever its kind: first the coverage check (a
 * detection needs a case on each side), then each case. One result per case, in the given order.
 */
export function runDetectionTests(subjects: readonly TestSubject[], filter?: string): DetectionTestResult[] {
  return selectDetections(subjects, filter).flatMap((subject) => [
    coverageResult(subject),
    ...subject.cases.map(
      (test, index): DetectionTestResult => ({
        kind: subject.kind,
        detectionId: subject.id,
        testName: test.name || `test #${index + 1}`,
        ...test.run(),
      }),
    ),
  ]);
}

function coverageResult(subject: TestSubject): DetectionTestResult {
  const base = { kind: subject.kind, detectionId: subject.id, testName: subject.coverage.testName };
  const missing = [
    subject.cases.some((test) => test.expect === true) ? undefined : 'one with expect: true',
    subject.cases.some((test) => test.expect === false) ? undefined : 'one with expect: false',
  ].filter(Boolean);
  return missing.length === 0 ? { ...base, passed: true } : { ...base, passed: false, reason: `${subject.coverage.requirement}; add ${missing.join(' and ')}` };
}
