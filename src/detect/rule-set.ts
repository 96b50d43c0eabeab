import { rules as pack } from '../../detections';
import type { Rule } from './rule';
import { loadSigmaRules } from './sigma';

/**
 * Every rule that runs: the TypeScript pack and the Sigma rules in these directories. A Sigma
 * file that cannot be loaded stops the load with its reason; it is never skipped silently.
 */
export function loadRuleSet(sigmaDirs: readonly string[]): Rule[] {
  const rules = [...pack, ...sigmaDirs.flatMap((dir) => loadSigmaRules(dir))];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`two rules share the id ${rule.id}; rule ids must be unique`);
    seen.add(rule.id);
  }
  return rules;
}
