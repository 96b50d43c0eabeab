import type { Severity } from '../config/severity';
import type { NormalizedEvent } from '../logs/log-type';
import type { Rule } from './rule';

export const LIMITS = { title: 1000, dedup: 1000, alertContextBytes: 200 * 1024 };

export interface Match {
  rule: Rule;
  event: NormalizedEvent;
  title: string;
  dedup: string;
  severity: Severity;
  context: Record<string, unknown>;
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

export function createEngine(rules: readonly Rule[], options: EngineOptions): Engine {
  const now = options.now ?? (() => performance.now());
  const byLogType = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const logType of rule.logTypes) {
      const list = byLogType.get(logType) ?? [];
      list.push(rule);
      byLogType.set(logType, list);
    }
  }

  return {
    rulesFor: (logType) => byLogType.get(logType) ?? [],

    evaluate(event) {
      const matches: Match[] = [];
      const failures: RuleFailure[] = [];
      // One clock read per rule function: each call's time runs from the previous read.
      let last = now();

      /** Runs one rule function, turning a throw or an overrun into a failure of that kind. */
      function run<T>(rule: Rule, name: string, fn: () => T): Outcome<T> {
        try {
          const value = fn();
          const finished = now();
          const elapsed = finished - last;
          last = finished;
          if (elapsed > options.timeBudgetMs) {
            failures.push({ ruleId: rule.id, kind: `${name}:timeout`, message: `${name}() took ${Math.round(elapsed)} ms, over the ${options.timeBudgetMs} ms budget`, event });
          }
          return { ok: true, value };
        } catch (error) {
          last = now();
          const kind = error instanceof Error ? error.constructor.name : typeof error;
          const message = error instanceof Error ? error.message : String(error);
          failures.push({ ruleId: rule.id, kind: `${name}:${kind}`, message, event });
          return { ok: false };
        }
      }

      for (const rule of byLogType.get(event.p_log_type) ?? []) {
        const verdict = run(rule, 'rule', () => rule.rule(event) === true);
        if (!verdict.ok || !verdict.value) continue;

        const titled = rule.title ? run(rule, 'title', () => String(rule.title!(event))) : { ok: false as const };
        const title = truncate(titled.ok && titled.value ? titled.value : rule.id, LIMITS.title);
        const deduped = rule.dedup ? run(rule, 'dedup', () => String(rule.dedup!(event))) : { ok: false as const };
        const dedup = truncate(deduped.ok && deduped.value ? deduped.value : title, LIMITS.dedup);
        const severe = rule.dynamicSeverity ? run(rule, 'dynamicSeverity', () => rule.dynamicSeverity!(event)) : { ok: false as const };
        const severity = severe.ok ? severe.value : rule.severity;
        const contextual = rule.alertContext ? run(rule, 'alertContext', () => rule.alertContext!(event)) : { ok: false as const };
        let context = contextual.ok ? contextual.value : {};
        if (Buffer.byteLength(JSON.stringify(context) ?? '') > LIMITS.alertContextBytes) {
          context = { error: `alert context over ${LIMITS.alertContextBytes} bytes, dropped` };
        }
        matches.push({ rule, event, title, dedup, severity, context });
      }
      return { matches, failures };
    },
  };
}
