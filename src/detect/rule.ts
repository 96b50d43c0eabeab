import type { Severity } from '../config/severity';
import type { NormalizedEvent } from '../logs/log-type';
import type { LogEventMap, LogTypeName } from '../logs/registry';

/** The event a rule sees: its log type's fields with their types, plus Prowl's p_ fields. */
export type RuleEvent<L extends LogTypeName> = L extends LogTypeName ? NormalizedEvent<LogEventMap[L]> : never;

/** A raw event of the rule's log type(s); tests run it through the real parser first. */
export type RuleTestEvent<L extends LogTypeName> = L extends LogTypeName ? LogEventMap[L] : never;

export interface RuleTest<L extends LogTypeName = LogTypeName> {
  name: string;
  expect: boolean;
  /** Which of the rule's log types the event is; defaults to the first. */
  logType?: L;
  event: RuleTestEvent<L>;
}

export interface RuleDefinition<L extends LogTypeName> {
  /** LogFamily.LogType.Name, matching the file name in snake case. */
  id: string;
  logTypes: readonly L[];
  severity: Severity;
  description: string;
  runbook: string;
  reference?: string;
  /** MITRE ATT&CK as Tactic:Technique, e.g. TA0005:T1562.008. */
  tags: string[];
  /** Window length, fixed from the first match. */
  dedupPeriodMinutes?: number;
  /** Matches needed within the window before the alert opens. */
  threshold?: number;
  team?: string;
  /** Shown on alerts from Sigma rules. */
  author?: string;
  /** The rule's license, shown with its author (Sigma rules under the DRL ask for attribution). */
  license?: string;
  enabled?: boolean;
  rule(event: RuleEvent<L>): boolean;
  title?(event: RuleEvent<L>): string;
  dedup?(event: RuleEvent<L>): string;
  dynamicSeverity?(event: RuleEvent<L>): Severity;
  alertContext?(event: RuleEvent<L>): Record<string, unknown>;
  tests: RuleTest<L>[];
}

/** A rule as the engine holds it: the definition with its log-type generic erased. */
export interface Rule {
  id: string;
  logTypes: readonly LogTypeName[];
  severity: Severity;
  description: string;
  runbook: string;
  reference?: string;
  tags: string[];
  dedupPeriodMinutes: number;
  threshold: number;
  team?: string;
  author?: string;
  license?: string;
  /**
   * What the threshold counts in a window: matching events (the default) or distinct values that
   * `distinct` returns (distinct users, distinct rules of a Sigma temporal correlation).
   */
  counts?: 'events' | 'distinct';
  distinct?(event: NormalizedEvent): readonly string[];
  /**
   * A top-level field whose value (lower-cased) must be one of `values` for the rule to match,
   * known from the rule's own logic (Sigma rules): the engine skips the rule for other events.
   */
  prefilter?: { field: string; values: ReadonlySet<string> };
  enabled: boolean;
  origin: 'typescript' | 'sigma';
  rule(event: NormalizedEvent): boolean;
  title?(event: NormalizedEvent): string;
  dedup?(event: NormalizedEvent): string;
  dynamicSeverity?(event: NormalizedEvent): Severity;
  alertContext?(event: NormalizedEvent): Record<string, unknown>;
  tests: RuleTest[];
}

export const DEFAULT_DEDUP_PERIOD_MINUTES = 60;

export function defineRule<const L extends LogTypeName>(definition: RuleDefinition<L>): Rule {
  return {
    ...definition,
    dedupPeriodMinutes: definition.dedupPeriodMinutes ?? DEFAULT_DEDUP_PERIOD_MINUTES,
    threshold: definition.threshold ?? 1,
    enabled: definition.enabled ?? true,
    origin: 'typescript',
  } as unknown as Rule;
}
