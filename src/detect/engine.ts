import { createHash } from 'node:crypto';
import type { DetectionSettings } from '../config/detection-settings';
import { severityRank, type Severity } from '../config/severity';
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

/** Context objects already measured and found small enough; rules must not change a context once returned. */
const SMALL_CONTEXTS = new WeakSet<object>();

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
  // A rule that hands back the same context object every time (Sigma rules without `fields`) is measured once.
  if (!SMALL_CONTEXTS.has(context)) {
    if (Buffer.byteLength(JSON.stringify(context) ?? '') > LIMITS.alertContextBytes)
      context = { error: `alert context over ${LIMITS.alertContextBytes} bytes, dropped` };
    else SMALL_CONTEXTS.add(context);
  }
  const match: Match = { rule, event, title, dedup, severity, context };
  if (rule.distinctValues) {
    const counted = attempt(rule, 'distinctValues', () => rule.distinctValues!(event, ctx), event, failures);
    match.values = counted.ok ? boundedValues(counted.value) : [];
  }
  return match;
}

/** A match that is an alert by itself: not one step of a count (threshold, distinct values, correlation). */
function isSingleEvent(match: Match): boolean {
  return match.rule.threshold === 1 && match.rule.distinctValues === undefined;
}

/**
 * The packs' promise: one event never raises both a TypeScript and a Sigma alert. When rules of
 * both origins fire on their own for one event, the origin with the more severe match keeps its
 * matches (TypeScript on a tie, as the pack's own rules carry runbooks written for Prowl), and
 * names the other origin's rules in its context so nothing is hidden. Counting rules are left
 * alone: dropping one of their matches would change the count.
 */
function oneOriginPerEvent(matches: Match[]): Match[] {
  const single = matches.filter(isSingleEvent);
  const best = (origin: Rule['origin']): number =>
    Math.max(-1, ...single.filter((match) => match.rule.origin === origin).map((match) => severityRank(match.severity)));
  const typescript = best('typescript');
  const sigma = best('sigma');
  if (typescript < 0 || sigma < 0) return matches;
  const kept = sigma > typescript ? 'sigma' : 'typescript';
  const dropped = single.filter((match) => match.rule.origin !== kept);
  const alsoMatched = dropped.map((match) => match.rule.id);
  return matches
    .filter((match) => !dropped.includes(match))
    .map((match) => (isSingleEvent(match) && match.rule.origin === kept ? { ...match, context: { ...match.context, alsoMatched } } : match));
}

const NOTHING: Evaluation = Object.freeze({ matches: [], failures: [] }) as unknown as Evaluation;

/**
 * The rules of one log type, indexed by the field most of their prefilters name (CloudTrail's
 * eventName): an event runs the rules without a prefilter on that field plus those whose values
 * include its value, in the rules' own order. A value that is not a string runs every rule.
 */
interface Candidates {
  all: readonly Rule[];
  field?: string;
  byValue?: ReadonlyMap<string, readonly Rule[]>;
  unfiltered?: readonly Rule[];
}

function indexRules(rules: readonly Rule[]): Candidates {
  const fields = new Map<string, number>();
  for (const rule of rules) if (rule.prefilter) fields.set(rule.prefilter.field, (fields.get(rule.prefilter.field) ?? 0) + 1);
  const [field] = [...fields.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  if (field === undefined) return { all: rules };
  const indexed = (rule: Rule): boolean => rule.prefilter?.field === field;
  const unfiltered = rules.filter((rule) => !indexed(rule));
  const values = new Set(rules.filter(indexed).flatMap((rule) => [...rule.prefilter!.values]));
  const byValue = new Map([...values].map((value) => [value, rules.filter((rule) => !indexed(rule) || rule.prefilter!.values.has(value))] as const));
  return { all: rules, field, byValue, unfiltered };
}

function candidatesFor(candidates: Candidates, event: NormalizedEvent): readonly Rule[] {
  if (candidates.field === undefined) return candidates.all;
  const value = event[candidates.field];
  if (typeof value !== 'string') return candidates.all;
  return candidates.byValue!.get(value) ?? candidates.byValue!.get(value.toLowerCase()) ?? candidates.unfiltered!;
}

export function createEngine(rules: readonly Rule[], options: EngineOptions): Engine {
  const now = options.now ?? (() => performance.now());
  const ctx: RuleContext = Object.freeze({ settings: options.settings });
  const lists = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const logType of rule.logTypes) {
      const list = lists.get(logType) ?? [];
      list.push(rule);
      lists.set(logType, list);
    }
  }
  const byLogType = new Map([...lists.entries()].map(([logType, list]) => [logType, indexRules(list)] as const));

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
        slow.push({
          ruleId: rule.id,
          kind: 'rule:timeout',
          message: `rule() took ${Math.round(elapsed)} ms, over the ${options.timeBudgetMs} ms budget`,
          event,
        });
      }
    }
    return slow;
  }

  return {
    rulesFor: (logType) => byLogType.get(logType)?.all ?? [],

    evaluate(event) {
      const indexed = byLogType.get(event.p_log_type);
      if (!indexed) return NOTHING;
      const candidates = candidatesFor(indexed, event);
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
      return { matches: matches.length > 1 ? oneOriginPerEvent(matches) : matches, failures };
    },
  };
}
