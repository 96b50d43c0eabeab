import { createHash } from 'node:crypto';
import type { DetectionSettings } from '../config/detection-settings';
import type { Severity } from '../config/severity';
import type { NormalizedEvent } from '../logs/log-type';
import { DISTINCT_LIMITS, type Rule, type RuleContext } from './rule';

export const LIMITS = { title: 1000, dedup: 1000, alertContextBytes: 200 * 1024 };

export interface Match {
  rule: Rule;
  event: NormalizedEvent;
  title: string;
  dedup: string;
  severity: Severity;
  context: Record<string, unknown>;
  /** For rules whose threshold counts distinct values: the values this event adds (bounded). */
  values?: string[];
}

/** A rule function that threw or overran its budget; becomes a rule-error alert, never a crash. */
export interface RuleFailure {
  ruleId: string;
  /** Stable per cause, e.g. `rule:TypeError` or `title:timeout`, so one alert per kind. */
  kind: string;
  message: string;
  event: NormalizedEvent;
}

export interface Evaluation {
  matches: Match[];
  failures: RuleFailure[];
}

export interface EngineOptions {
  timeBudgetMs: number;
  /** The organisation settings every rule function receives in its context. */
  settings: DetectionSettings;
  now?: () => number;
}

export interface Engine {
  evaluate(event: NormalizedEvent): Evaluation;
  rulesFor(logType: string): readonly Rule[];
}

type Outcome<T> = { ok: true; value: T } | { ok: false };

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function failureOf(rule: Rule, name: string, error: unknown, event: NormalizedEvent): RuleFailure {
  const kind = error instanceof Error ? error.constructor.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return { ruleId: rule.id, kind: `${name}:${kind}`, message, event };
}

/** Runs one optional rule function; a throw becomes a failure of that kind and the caller falls back. */
function attempt<T>(rule: Rule, name: string, fn: () => T, event: NormalizedEvent, failures: RuleFailure[]): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    failures.push(failureOf(rule, name, error, event));
    return { ok: false };
  }
}

/** A long value cut to length, ending in a digest of the whole so two values that differ only at the end stay different. */
function shortened(value: string): string {
  if (value.length <= DISTINCT_LIMITS.valueLength) return value;
  const digest = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `${value.slice(0, DISTINCT_LIMITS.valueLength - digest.length - 1)}…${digest}`;
}

/** A rule's distinct values as strings, unique, each bounded in length and at most so many per event; a bad return is no values. */
function boundedValues(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const unique = new Set<string>();
  for (const value of values) {
    if (unique.size >= DISTINCT_LIMITS.valuesPerMatch) break;
    if (typeof value === 'string' && value !== '') unique.add(shortened(value));
  }
  return [...unique];
}

/** Title, dedup key, severity, context and distinct values of a match, each with its safe fallback. */
function describeMatch(rule: Rule, event: NormalizedEvent, ctx: RuleContext, failures: RuleFailure[]): Match {
  const titled = rule.title ? attempt(rule, 'title', () => String(rule.title!(event, ctx)), event, failures) : undefined;
  const title = truncate(titled?.ok && titled.value ? titled.value : rule.id, LIMITS.title);
  const deduped = rule.dedup ? attempt(rule, 'dedup', () => String(rule.dedup!(event, ctx)), event, failures) : undefined;
  const dedup = truncate(deduped?.ok && deduped.value ? deduped.value : title, LIMITS.dedup);
  const severe = rule.dynamicSeverity ? attempt(rule, 'dynamicSeverity', () => rule.dynamicSeverity!(event, ctx), event, failures) : undefined;
  const severity = severe?.ok ? severe.value : rule.severity;
  const contextual = rule.alertContext ? attempt(rule, 'alertContext', () => rule.alertContext!(event, ctx), event, failures) : undefined;
  let context = contextual?.ok ? contextual.value : {};
  if (Buffer.byteLength(JSON.stringify(context) ?? '') > LIMITS.alertContextBytes) {
    context = { error: `alert context over ${LIMITS.alertContextBytes} bytes, dropped` };
  }
  const match: Match = { rule, event, title, dedup, severity, context };
  if (rule.distinctValues) {
    const counted = attempt(rule, 'distinctValues', () => rule.distinctValues!(event, ctx), event, failures);
    match.values = counted.ok ? boundedValues(counted.value) : [];
  }
  return match;
}

const NOTHING: Evaluation = Object.freeze({ matches: [], failures: [] }) as unknown as Evaluation;

export function createEngine(rules: readonly Rule[], options: EngineOptions): Engine {
  const now = options.now ?? (() => performance.now());
  const ctx: RuleContext = Object.freeze({ settings: options.settings });
  const byLogType = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const logType of rule.logTypes) {
      const list = byLogType.get(logType) ?? [];
      list.push(rule);
      byLogType.set(logType, list);
    }
  }

  /**
   * Rules are pure, so an event that ran over the budget can be run again rule by rule to find
   * the slow one; that keeps clock reads off the common path (two per event, not two per rule).
   */
  function slowRules(candidates: readonly Rule[], event: NormalizedEvent): RuleFailure[] {
    const slow: RuleFailure[] = [];
    for (const rule of candidates) {
      const started = now();
      try {
        if (rule.rule(event, ctx) === true) describeMatch(rule, event, ctx, []);
      } catch {
        // Already reported by the first run.
      }
      const elapsed = now() - started;
      if (elapsed > options.timeBudgetMs) {
        slow.push({ ruleId: rule.id, kind: 'rule:timeout', message: `rule() took ${Math.round(elapsed)} ms, over the ${options.timeBudgetMs} ms budget`, event });
      }
    }
    return slow;
  }

  return {
    rulesFor: (logType) => byLogType.get(logType) ?? [],

    evaluate(event) {
      const candidates = byLogType.get(event.p_log_type);
      if (!candidates) return NOTHING;
      const matches: Match[] = [];
      const failures: RuleFailure[] = [];
      const started = now();
      for (const rule of candidates) {
        let matched: boolean;
        try {
          matched = rule.rule(event, ctx) === true;
        } catch (error) {
          failures.push(failureOf(rule, 'rule', error, event));
          continue;
        }
        if (matched) matches.push(describeMatch(rule, event, ctx, failures));
      }
      if (now() - started > options.timeBudgetMs) failures.push(...slowRules(candidates, event));
      return { matches, failures };
    },
  };
}
