import type { DetectionSettings } from '../config/detection-settings';
import type { Severity } from '../config/severity';
import type { NormalizedEvent } from '../logs/log-type';
import type { LogEventMap, LogTypeName } from '../logs/registry';
import { checkDetectionId } from './detection-id';
import type { DetectionMetadata } from './detection-metadata';

/** The event a rule sees: its log type's fields with their types, plus Prowl's p_ fields. */
export type RuleEvent<L extends LogTypeName> = L extends LogTypeName ? NormalizedEvent<LogEventMap[L]> : never;

/** A raw event of the rule's log type(s); tests run it through the real parser first. */
export type RuleTestEvent<L extends LogTypeName> = L extends LogTypeName ? LogEventMap[L] : never;

/**
 * What the engine hands every rule function besides the event: the deployment's organisation
 * settings (prowl.config.yml → detections). Rules never import configuration, so they stay pure
 * and a test can run one against any settings.
 */
export interface RuleContext {
  settings: DetectionSettings;
}

export interface RuleTest<L extends LogTypeName = LogTypeName> {
  name: string;
  expect: boolean;
  /** Which of the rule's log types the event is; defaults to the first. */
  logType?: L;
  /** Organisation settings this test runs with, laid over empty ones (so a test without them shows the unconfigured behaviour). */
  settings?: Partial<DetectionSettings>;
  event: RuleTestEvent<L>;
}

/** The most distinct values one match contributes, and how long each may be; keeps alert items bounded. */
export const DISTINCT_LIMITS = { valuesPerMatch: 100, valueLength: 256, valuesPerAlert: 200 };

/** Its id is the log type, then the rule's name (AWS.CloudTrail.RootConsoleLogin). */
export interface RuleDefinition<L extends LogTypeName> extends DetectionMetadata {
  logTypes: readonly L[];
  /** Window length, fixed from the first match. */
  dedupPeriodMinutes?: number;
  /** Matches needed within the window before the alert opens; distinct values when `distinctValues` is given. */
  threshold?: number;
  /** Shown on alerts from Sigma rules. */
  author?: string;
  /** The rule's license, shown with its author (Sigma rules under the DRL ask for attribution). */
  license?: string;
  enabled?: boolean;
  /**
   * Ask the person who acted "was this you?" (README → "Was this you?"); with `resolveOnYes`, a yes
   * resolves the alert as expected activity.
   */
  confirmWithActor?: boolean | { resolveOnYes?: boolean };
  rule(event: RuleEvent<L>, context: RuleContext): boolean;
  title?(event: RuleEvent<L>, context: RuleContext): string;
  dedup?(event: RuleEvent<L>, context: RuleContext): string;
  dynamicSeverity?(event: RuleEvent<L>, context: RuleContext): Severity;
  alertContext?(event: RuleEvent<L>, context: RuleContext): Record<string, unknown>;
  /**
   * What the threshold counts instead of matches: the values this event adds (secret ids read,
   * instance ids tried, API names called). One event may add several (a batch call), and a value
   * seen twice in the window counts once.
   */
  distinctValues?(event: RuleEvent<L>, context: RuleContext): readonly string[];
  tests: RuleTest<L>[];
}

/** A rule as the engine holds it: the definition with its log-type generic erased. */
export interface Rule extends DetectionMetadata {
  logTypes: readonly LogTypeName[];
  dedupPeriodMinutes: number;
  threshold: number;
  author?: string;
  license?: string;
  /**
   * A top-level field whose value (lower-cased) must be one of `values` for the rule to match,
   * known from the rule's own logic (Sigma rules): the engine skips the rule for other events.
   */
  prefilter?: { field: string; values: ReadonlySet<string> };
  enabled: boolean;
  origin: 'typescript' | 'sigma';
  confirmWithActor?: boolean | { resolveOnYes?: boolean };
  rule(event: NormalizedEvent, context?: RuleContext): boolean;
  title?(event: NormalizedEvent, context?: RuleContext): string;
  dedup?(event: NormalizedEvent, context?: RuleContext): string;
  dynamicSeverity?(event: NormalizedEvent, context?: RuleContext): Severity;
  alertContext?(event: NormalizedEvent, context?: RuleContext): Record<string, unknown>;
  distinctValues?(event: NormalizedEvent, context?: RuleContext): readonly string[];
  tests: RuleTest[];
}

export const DEFAULT_DEDUP_PERIOD_MINUTES = 60;

export function defineRule<const L extends LogTypeName>(definition: RuleDefinition<L>): Rule {
  checkDetectionId(definition.id, 'rule');
  const threshold = definition.threshold ?? 1;
  if (definition.distinctValues && threshold > DISTINCT_LIMITS.valuesPerAlert) {
    throw new Error(
      `${definition.id}: a threshold over distinct values may be at most ${DISTINCT_LIMITS.valuesPerAlert} (an alert remembers that many values)`,
    );
  }
  return {
    ...definition,
    dedupPeriodMinutes: definition.dedupPeriodMinutes ?? DEFAULT_DEDUP_PERIOD_MINUTES,
    threshold,
    enabled: definition.enabled ?? true,
    origin: 'typescript',
  } as unknown as Rule;
}
