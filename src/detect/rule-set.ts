import { ProwlError } from '../errors';
import type { Rule } from './rule';
import { readSigmaRules, SigmaLoadError, type SigmaProblem } from './sigma';

/** A directory of Sigma rules, and whether a rule in it that cannot load stops everything (our own pack) or is skipped (a user's folder). */
export interface SigmaSource {
  dir: string;
  strict: boolean;
}

export interface RuleSet {
  rules: Rule[];
  /** Rules of lenient sources that were left out, with file, line and reason. */
  skipped: SigmaProblem[];
  /** Problems that did not stop a rule from running (unknown ATT&CK tags, broken tests files of lenient sources). */
  warnings: SigmaProblem[];
  /** Per Sigma directory, how many rules it added and how many it left out. */
  sources: Array<{ dir: string; loaded: number; skipped: number }>;
}

/**
 * Every rule that runs: the TypeScript pack it is given (the bundled one in production, any rules in
 * tests) and the Sigma rules in these directories. A strict
 * source refuses to load with every problem listed; a lenient one loads rule by rule and reports
 * what it left out. Rule ids are unique across all of them.
 */
export function loadRuleSet(pack: readonly Rule[], sources: readonly SigmaSource[]): RuleSet {
  const rules = [...pack];
  const seen = new Set(rules.map((rule) => rule.id));
  if (seen.size !== rules.length) throw new ProwlError('prowl_config_invalid', 'two TypeScript rules share an id; rule ids must be unique');
  const set: RuleSet = { rules, skipped: [], warnings: [], sources: [] };
  for (const { dir, strict } of sources) {
    const report = readSigmaRules(dir);
    const clashes: SigmaProblem[] = [];
    const loaded = report.loaded.filter(({ file, rule }) => {
      if (!seen.has(rule.id)) return seen.add(rule.id);
      clashes.push({
        kind: 'duplicate',
        file,
        rule: rule.id,
        message: `rule id ${rule.id} is already used by another loaded rule; give the rule a distinct title`,
      });
      return false;
    });
    const refused = [...report.skipped, ...clashes];
    if (strict && refused.length + report.tests.length > 0) throw new SigmaLoadError([...refused, ...report.tests]);
    set.rules.push(...loaded.map(({ rule }) => rule));
    set.skipped.push(...refused);
    set.warnings.push(...report.warnings, ...report.tests);
    set.sources.push({
      dir,
      loaded: loaded.length,
      skipped: new Set(refused.map((problem) => `${problem.file}\u0000${problem.rule ?? problem.line ?? ''}`)).size,
    });
  }
  return set;
}
