import type { Severity } from '../config/severity';
import type { Rule } from './rule';

/** What people changed about a rule at run time, from Slack: on/off and overrides. No redeploy. */
export interface RuleState {
  ruleId: string;
  enabled: boolean;
  reason?: string;
  overrides: { severity?: Severity; threshold?: number; dedupPeriodMinutes?: number; team?: string };
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** The pack as it should run now: each rule with its stored state applied. */
export function applyRuleStates(rules: readonly Rule[], states: readonly RuleState[]): Rule[] {
  const byId = new Map(states.map((state) => [state.ruleId, state]));
  return rules.map((rule) => {
    const state = byId.get(rule.id);
    if (!state) return rule;
    const { overrides } = state;
    return {
      ...rule,
      enabled: state.enabled,
      ...(overrides.severity ? { severity: overrides.severity } : {}),
      ...(overrides.threshold ? { threshold: overrides.threshold } : {}),
      ...(overrides.dedupPeriodMinutes ? { dedupPeriodMinutes: overrides.dedupPeriodMinutes } : {}),
      ...(overrides.team ? { team: overrides.team } : {}),
    };
  });
}
