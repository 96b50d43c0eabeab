import type { TeamConfig } from '../config';
import type { RuleState } from '../detect/rule-state';
import type { Change, MutateResult } from './versioned-change';
import type { Suppression } from './suppression';

/** A team route changed from Slack; overrides the team of the same name in prowl.config.yml. */
export interface TeamRoute extends TeamConfig {
  /** A removed route hides the config team of the same name too. */
  removed?: boolean;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/**
 * Run-time settings changed from Slack: rule state, suppressions and team routes. Every change
 * bumps one version number, so a worker learns whether anything changed with a single read.
 */
export interface SettingsStore {
  version(): Promise<number>;
  ruleStates(): Promise<RuleState[]>;
  ruleState(ruleId: string): Promise<RuleState | undefined>;
  mutateRuleState(ruleId: string, change: Change<RuleState>): Promise<MutateResult<RuleState>>;
  suppressions(): Promise<Suppression[]>;
  suppression(id: string): Promise<Suppression | undefined>;
  mutateSuppression(id: string, change: Change<Suppression>): Promise<MutateResult<Suppression>>;
  /** Updates a suppression's counters only; workers need not reload for it. */
  countSuppressed(id: string, change: Change<Suppression>): Promise<MutateResult<Suppression>>;
  routes(): Promise<TeamRoute[]>;
  mutateRoute(team: string, change: Change<TeamRoute>): Promise<MutateResult<TeamRoute>>;
}
