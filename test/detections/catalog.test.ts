import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rules } from '../../detections';
import { isDetectionFile } from '../../detections/lib/pack-index';
import { policies } from '../../detections/policies';
import { SEVERITIES, type Severity } from '../../src/config/severity';
import { DETECTION_ID_GRAMMAR, detectionFileStem, isDetectionId, MULTI_RESOURCE_PREFIX, SIGMA_NAMESPACE } from '../../src/detect/detection-id';
import type { DetectionKind, DetectionMetadata } from '../../src/detect/detection-metadata';
import type { Policy } from '../../src/detect/policy';
import type { Rule } from '../../src/detect/rule';
import { isLogTypeName } from '../../src/logs/registry';
import { isResourceTypeName } from '../../src/scan/resource-types';
import { bundledSigma } from '../helpers/bundled-pack';

/**
 * One catalog over every bundled detection — TypeScript rules, Sigma rules and policies — so the
 * pack keeps one contract as it grows: the id grammar and the file named after the id, a known
 * severity, ATT&CK tags, what a responder needs (description, runbook, reference, title) and tests
 * on both sides. Each kind is read through a small adapter into one view; the checks only a kind
 * has (log types, thresholds, resource types, Sigma attribution) follow the common ones.
 */

const DETECTIONS_DIR = join(__dirname, '..', '..', 'detections');
const POLICY_DIR = join(DETECTIONS_DIR, 'policies');
const SIGMA_DIR = join(DETECTIONS_DIR, 'sigma');

/** MITRE ATT&CK as Tactic:Technique(.Subtechnique), e.g. TA0005:T1562.008. */
const ATTACK_TAG = /^TA\d{4}:T\d{4}(\.\d{3})?$/;
/** Long enough to say what to check and what to do, not just "investigate". */
const MIN_RUNBOOK = 80;
const MIN_DESCRIPTION = 40;

interface CatalogEntry {
  kind: DetectionKind;
  id: string;
  /** What the detection watches, which its id starts with: a log type, a resource type, `Sigma.<log type>`. */
  watches: string;
  /** The file the detection was loaded from, relative to detections/; undefined when none exports it. */
  file: string | undefined;
  /** The file its id names, relative to detections/. */
  expectedFile: string;
  severity: Severity;
  description: string;
  runbook: string;
  reference: string | undefined;
  tags: readonly string[];
  hasTitle: boolean;
  tests: ReadonlyArray<{ name: string; expect: boolean }>;
}

/** The module files of a folder of TypeScript detections, by the detection they export. */
function filesByExport(dir: string): Map<unknown, string> {
  return new Map(
    readdirSync(dir)
      .filter(isDetectionFile)
      .map((file) => [(require(join(dir, file)) as { default?: unknown }).default, relative(DETECTIONS_DIR, join(dir, file))]),
  );
}

const ruleFiles = filesByExport(DETECTIONS_DIR);
const policyFiles = filesByExport(POLICY_DIR);

/** The fields every kind shares (DetectionMetadata), whatever it watches. */
function common(
  detection: DetectionMetadata & Pick<Rule | Policy, 'title' | 'tests'>,
): Pick<CatalogEntry, 'id' | 'severity' | 'description' | 'runbook' | 'reference' | 'tags' | 'hasTitle' | 'tests'> {
  const { id, severity, description, runbook, reference, tags, tests } = detection;
  return { id, severity, description, runbook, reference, tags, tests, hasTitle: typeof detection.title === 'function' };
}

function ruleEntry(rule: Rule): CatalogEntry {
  return { ...common(rule), kind: 'rule', watches: String(rule.logTypes[0]), file: ruleFiles.get(rule), expectedFile: `${detectionFileStem(rule.id)}.ts` };
}

function policyEntry(policy: Policy): CatalogEntry {
  const [only, ...others] = policy.resourceTypes;
  return {
    ...common(policy),
    kind: 'policy',
    watches: only !== undefined && others.length === 0 ? only : MULTI_RESOURCE_PREFIX,
    file: policyFiles.get(policy),
    expectedFile: join('policies', `${detectionFileStem(policy.id)}.ts`),
  };
}

function sigmaEntry({ rule, file }: (typeof bundledSigma)[number]): CatalogEntry {
  return {
    ...common(rule),
    kind: 'sigma',
    watches: `${SIGMA_NAMESPACE}.${String(rule.logTypes[0])}`,
    file: relative(DETECTIONS_DIR, file),
    expectedFile: join('sigma', `${detectionFileStem(rule.id)}.yml`),
  };
}

const entries = [...rules.map(ruleEntry), ...bundledSigma.map(sigmaEntry), ...policies.map(policyEntry)];

describe('the bundled detections', () => {
  it('hold at least 150 rules and 80 policies, as issue #14 asks, and some Sigma rules', () => {
    expect(rules.length).toBeGreaterThanOrEqual(150);
    expect(policies.length).toBeGreaterThanOrEqual(80);
    expect(bundledSigma.length).toBeGreaterThan(0);
  });

  it('give every detection of every kind its own id', () => {
    const ids = entries.map((entry) => entry.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it.each([
    ['detections/', DETECTIONS_DIR, ruleFiles, ['index.ts', 'README.md', 'lib', 'policies', 'sigma']],
    ['detections/policies/', POLICY_DIR, policyFiles, ['index.ts', 'README.md']],
  ] as const)('keep in %s only detections the pack loads, its index and README (helpers go in lib/)', (_name, dir, files, others) => {
    const loaded = new Set<unknown>(entries.map((entry) => entry.file));
    expect([...files.values()].filter((file) => !loaded.has(file))).toEqual([]);
    expect(readdirSync(dir).filter((file) => !isDetectionFile(file) && !(others as readonly string[]).includes(file))).toEqual([]);
  });

  it('keep in detections/sigma/ only rules the pack loads, their tests files and the README', () => {
    const loaded = new Set(bundledSigma.map(({ file }) => file));
    const stray = readdirSync(SIGMA_DIR).filter((file) => file !== 'README.md' && !file.endsWith('.tests.yml') && !loaded.has(join(SIGMA_DIR, file)));
    expect(stray).toEqual([]);
  });
});

describe.each(entries.map((entry) => [entry.kind, entry.id, entry] as const))('%s %s', (_kind, id, entry) => {
  it('has an id in the detection id grammar: what it watches, then its name', () => {
    expect(isDetectionId(id) ? id : `${id} is not ${DETECTION_ID_GRAMMAR}`).toBe(id);
    expect(id.startsWith(`${entry.watches}.`)).toBe(true);
    expect(id.slice(entry.watches.length + 1)).toMatch(/^[A-Z0-9][A-Za-z0-9]*$/);
  });

  it('lives in the file named after its id', () => {
    expect(entry.file).toBe(entry.expectedFile);
  });

  it('has a known severity and ATT&CK tags written as Tactic:Technique', () => {
    expect(SEVERITIES).toContain(entry.severity);
    expect(entry.tags.length).toBeGreaterThan(0);
    expect(entry.tags.filter((tag) => !ATTACK_TAG.test(tag))).toEqual([]);
  });

  it('tells a responder what it means, what to do, and where to read more', () => {
    expect(entry.description.trim().length).toBeGreaterThanOrEqual(MIN_DESCRIPTION);
    expect(entry.runbook.trim().length).toBeGreaterThanOrEqual(MIN_RUNBOOK);
    expect(new URL(entry.reference ?? 'missing:').protocol).toBe('https:');
    expect(entry.hasTitle).toBe(true);
  });

  it('has positive and negative tests with distinct names', () => {
    expect(entry.tests.some((test) => test.expect === true)).toBe(true);
    expect(entry.tests.some((test) => test.expect === false)).toBe(true);
    const names = entry.tests.map((test) => test.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});

describe.each(rules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('runs only on known log types, with a valid threshold, dedup period and dedup key', () => {
    expect(rule.logTypes.filter((name) => !isLogTypeName(name))).toEqual([]);
    expect(Number.isInteger(rule.threshold) && rule.threshold >= 1).toBe(true);
    expect(rule.dedupPeriodMinutes).toBeGreaterThan(0);
    expect(typeof rule.dedup).toBe('function');
  });
});

describe.each(bundledSigma.map(({ rule }) => [rule.id, rule] as const))('sigma %s', (_id, rule) => {
  it('is an enabled CloudTrail rule by the Prowl maintainers, its runbook from its false positives', () => {
    expect(rule).toMatchObject({ origin: 'sigma', logTypes: ['AWS.CloudTrail'], enabled: true, author: 'Prowl maintainers' });
    expect(rule.runbook).toContain('Known false positives');
  });
});

describe.each(policies.map((policy) => [policy.id, policy] as const))('policy %s', (_id, policy) => {
  it('covers only known resource types and ignores resources only by ARN globs', () => {
    expect(policy.resourceTypes.length).toBeGreaterThan(0);
    expect(policy.resourceTypes.filter((type) => !isResourceTypeName(type))).toEqual([]);
    expect(policy.ignoreResources.filter((glob) => !glob.startsWith('arn:'))).toEqual([]);
  });
});
