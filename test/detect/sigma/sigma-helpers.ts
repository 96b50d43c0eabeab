import { stringify } from 'yaml';
import type { Rule } from '../../../src/detect/rule';
import { parseSigmaRule, SigmaLoadError } from '../../../src/detect/sigma';
import type { NormalizedEvent } from '../../../src/logs/log-type';

/** A complete Sigma rule document around `detection`; `fields` replace or add top-level fields. */
export function sigmaDocument(detection: Record<string, unknown>, fields: Record<string, unknown> = {}): string {
  return stringify({
    title: 'Test Rule',
    id: '00000000-0000-4000-8000-000000000001',
    status: 'test',
    author: 'Prowl tests',
    level: 'medium',
    logsource: { product: 'aws', service: 'cloudtrail' },
    detection,
    ...fields,
  });
}

export function sigmaRule(detection: Record<string, unknown>, fields: Record<string, unknown> = {}): Rule {
  return parseSigmaRule(sigmaDocument(detection, fields), 'test.yml');
}

/** A predicate over plain objects: the compiled rule's `rule()`; events here only carry the fields under test. */
export function matcher(detection: Record<string, unknown>): (event: Record<string, unknown>) => boolean {
  const rule = sigmaRule(detection);
  return (event) => rule.rule(event as NormalizedEvent);
}

/** Shorthand for one selection on one field: `field(key, value)` matches events through `selection: { key: value }`. */
export function fieldMatcher(key: string, value: unknown): (event: Record<string, unknown>) => boolean {
  return matcher({ selection: { [key]: value }, condition: 'selection' });
}

/** The SigmaLoadError that loading `text` throws; fails the test when it loads. */
export function loadError(text: string, file = 'rules/broken.yml'): SigmaLoadError {
  try {
    parseSigmaRule(text, file);
  } catch (error) {
    if (error instanceof SigmaLoadError) return error;
    throw error;
  }
  throw new Error('expected the rule not to load, but it loaded');
}

export function detectionError(detection: Record<string, unknown>): SigmaLoadError {
  return loadError(sigmaDocument(detection));
}
