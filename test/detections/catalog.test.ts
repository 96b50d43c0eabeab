import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../detections';
import { isDetectionFile } from '../../detections/lib/pack-index';
import { SEVERITIES } from '../../src/config/severity';
import type { Rule } from '../../src/detect/rule';
import { tableName } from '../../src/logs/log-type';
import { isLogTypeName } from '../../src/logs/registry';

/**
 * Conventions every rule in the pack keeps, checked over the whole pack so it stays consistent as
 * it grows: naming, metadata a responder needs, and tests in both directions.
 */

const DETECTIONS_DIR = join(__dirname, '..', '..', 'detections');

/** Modules in detections/ that support rules rather than being one. */

const ID = /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/;
const TAG = /^TA\d{4}:T\d{4}(\.\d{3})?$/;

/** `AWS.CloudTrail.RootConsoleLogin` → `aws_cloudtrail_root_console_login.ts`: log type as its table name, rule name in snake case. */
function expectedFileName(id: string): string {
  const [family = '', logType = '', name = ''] = id.split('.');
  const snakeName = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return `${tableName(`${family}.${logType}`)}_${snakeName}.ts`;
}

// Helpers live in detections/lib/; every other module here is a rule named after its id.
const ruleFiles = readdirSync(DETECTIONS_DIR).filter(isDetectionFile);

function loadDefault(file: string): unknown {
  return (require(join(DETECTIONS_DIR, file)) as { default?: unknown }).default;
}

const byRule = rules.map((rule): [string, Rule] => [rule.id, rule]);

describe('the detection pack', () => {
  it('has at least 150 rules, as issue #14 asks of the pack', () => {
    expect(rules.length).toBeGreaterThanOrEqual(150);
  });

  it('gives every rule a unique id', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it.each(ruleFiles)('lists %s in detections/index.ts', (file) => {
    const rule = loadDefault(file);
    expect(rules).toContain(rule);
  });

  it('keeps nothing but rules, the index and the README beside them (helpers go in lib/)', () => {
    const others = readdirSync(DETECTIONS_DIR).filter(
      (file) => !isDetectionFile(file) && !['index.ts', 'README.md', 'lib', 'policies', 'sigma'].includes(file),
    );
    expect(others).toEqual([]);
  });
});

describe.each(byRule)('%s', (id, rule) => {
  it('has an id of the form LogFamily.LogType.Name', () => {
    expect(id).toMatch(ID);
  });

  it('lives in the file named after its id', () => {
    const file = expectedFileName(id);
    expect(ruleFiles).toContain(file);
    expect(loadDefault(file)).toBe(rule);
  });

  it('runs on the log type its id names, and only on known log types', () => {
    const [family, logType] = id.split('.');
    expect(rule.logTypes[0]).toBe(`${family}.${logType}`);
    expect(rule.logTypes.filter((name) => !isLogTypeName(name))).toEqual([]);
  });

  it('has a valid severity, threshold and dedup period', () => {
    expect(SEVERITIES).toContain(rule.severity);
    expect(Number.isInteger(rule.threshold) && rule.threshold >= 1).toBe(true);
    expect(rule.dedupPeriodMinutes).toBeGreaterThan(0);
  });

  it('has ATT&CK tags written as Tactic:Technique', () => {
    expect(rule.tags.length).toBeGreaterThan(0);
    expect(rule.tags.filter((tag) => !TAG.test(tag))).toEqual([]);
  });

  it('tells a responder what it means, what to do, and where to read more', () => {
    expect(rule.description.trim().length).toBeGreaterThanOrEqual(40);
    expect(rule.runbook.trim().length).toBeGreaterThanOrEqual(80);
    expect(new URL(rule.reference ?? 'missing:').protocol).toBe('https:');
  });

  it('has a title and a dedup key of its own', () => {
    expect(typeof rule.title).toBe('function');
    expect(typeof rule.dedup).toBe('function');
  });

  it('has matching and non-matching tests with distinct names', () => {
    expect(rule.tests.some((test) => test.expect === true)).toBe(true);
    expect(rule.tests.some((test) => test.expect === false)).toBe(true);
    const names = rule.tests.map((test) => test.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
