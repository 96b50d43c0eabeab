import { join } from 'node:path';
import { rules } from '../../detections';
import { policies } from '../../detections/policies';
import type { TestSubject } from '../../src/detect/detection-tests';
import { policySubject } from '../../src/detect/policy-tests';
import { ruleSubject } from '../../src/detect/rule-tests';
import { readSigmaRules, SigmaLoadError } from '../../src/detect/sigma';

/** Where the bundled Sigma rules live; `prowl test` and production load the folder in strict mode. */
export const SIGMA_PACK_DIR = join(__dirname, '..', '..', 'detections', 'sigma');

const report = readSigmaRules(SIGMA_PACK_DIR);
if (report.skipped.length + report.tests.length > 0) throw new SigmaLoadError([...report.skipped, ...report.tests]);

/** Every bundled Sigma rule with the file it was read from (strict: a rule or tests file that does not load fails every user). */
export const bundledSigma = report.loaded;

/** All three kinds of bundled detection as the one test runner takes them, in the order `prowl test` reports them. */
export function bundledSubjects(): TestSubject[] {
  return [...rules.map((rule) => ruleSubject(rule)), ...bundledSigma.map(({ rule }) => ruleSubject(rule)), ...policies.map(policySubject)];
}
