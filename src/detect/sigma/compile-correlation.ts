import { SEVERITIES, type Severity } from '../../config/severity';
import type { NormalizedEvent } from '../../logs/log-type';
import type { Rule } from '../rule';
import { attackTags } from './attack-tags';
import { runbookFrom, severityOf, sigmaRuleId, type CompiledSigmaRule } from './compile-rule';
import type { CorrelationDocument } from './correlation-document';
import { compileFieldPath, type FieldGetter } from './field-path';
import { DocumentProblem } from './sigma-error';

/** A correlation rule compiled, with the rules it reads from (switched off on their own unless `generate: true`). */
export interface CompiledCorrelation {
  compiled: CompiledSigmaRule;
  referenced: readonly CompiledSigmaRule[];
  generate: boolean;
}

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { s: 1 / 60, m: 1, h: 60, d: 24 * 60 };

/**
 * The count at which the correlation fires. Prowl alerts as a count is reached, while events are
 * still arriving, so a lower bound (`gt`, `gte`) is what it can decide; an upper bound (`lt`, `lte`,
 * `eq`) needs the window to be over, which a stream never knows.
 */
function thresholdOf(condition: NonNullable<CorrelationDocument['correlation']['condition']>): number {
  const { gt, gte, lt, lte, eq } = condition;
  if (lt !== undefined || lte !== undefined || eq !== undefined) {
    throw new DocumentProblem(
      'unsupported',
      ['correlation', 'condition'],
      `condition ${lt !== undefined ? 'lt' : lte !== undefined ? 'lte' : 'eq'} is not supported: Prowl alerts when a count is reached, and an upper bound is only known once the window has closed; use gt or gte`,
    );
  }
  if (gt !== undefined && gte !== undefined) throw new DocumentProblem('value', ['correlation', 'condition'], 'give one of gt and gte, not both');
  if (gt !== undefined) return gt + 1;
  if (gte !== undefined) return Math.max(gte, 1);
  throw new DocumentProblem('value', ['correlation', 'condition'], 'needs gt or gte: the count at which the correlation fires');
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

/**
 * Compiles a Sigma correlation into a Prowl rule that runs on the same state as thresholds: it
 * matches every event one of its rules matches, groups by `group-by` (the dedup key), keeps one
 * window per group for `timespan` from the first match, and fires at the condition's count —
 * matching events for event_count, distinct values of `field` for value_count, distinct rules for
 * temporal. `find` resolves a rule reference (Sigma id or name).
 */
export function compileCorrelation(
  document: CorrelationDocument,
  find: (reference: string) => CompiledSigmaRule | 'correlation' | undefined,
): CompiledCorrelation {
  const { correlation } = document;
  if (correlation.type === 'temporal_ordered') {
    throw new DocumentProblem(
      'unsupported',
      ['correlation', 'type'],
      'temporal_ordered is not supported: at-least-once delivery from several workers gives no event order Prowl could trust; use temporal',
    );
  }
  const references = list(correlation.rules);
  const referenced = references.map((reference, index) => {
    const found = find(reference);
    const at = typeof correlation.rules === 'string' ? ['correlation', 'rules'] : ['correlation', 'rules', index];
    if (found === 'correlation') throw new DocumentProblem('unsupported', at, `"${reference}" is a correlation rule; chaining correlations is not supported`);
    if (!found) throw new DocumentProblem('correlation', at, `no loaded rule has the id or name "${reference}" (a rule that was skipped cannot be correlated)`);
    return found;
  });

  const groupBy = list(correlation['group-by']);
  const aliases = correlation.aliases ?? {};
  // Per referenced rule, a getter per group-by field: an alias names the field in that rule's events.
  const groupGetters = referenced.map((rule) =>
    groupBy.map((field): FieldGetter => {
      const alias = aliases[field];
      const real = alias ? ((rule.name !== undefined ? alias[rule.name] : undefined) ?? (rule.sigmaId !== undefined ? alias[rule.sigmaId] : undefined)) : field;
      return real === undefined ? () => undefined : compileFieldPath(real.split('.'));
    }),
  );

  const condition = correlation.condition;
  let threshold: number;
  let distinct: ((event: NormalizedEvent, matched: readonly number[]) => string[]) | undefined;
  if (correlation.type === 'event_count') {
    if (!condition) throw new DocumentProblem('value', ['correlation'], 'event_count needs a condition such as { gte: 10 }');
    threshold = thresholdOf(condition);
  } else if (correlation.type === 'value_count') {
    if (!condition?.field)
      throw new DocumentProblem('value', ['correlation', 'condition'], 'value_count needs condition.field: the field whose distinct values are counted');
    threshold = thresholdOf(condition);
    const get = compileFieldPath(condition.field.split('.'));
    distinct = (event) => valuesOf(get(event));
  } else {
    threshold = condition ? thresholdOf(condition) : referenced.length;
    if (threshold > referenced.length)
      throw new DocumentProblem(
        'value',
        ['correlation', 'condition'],
        `temporal counts distinct rules; ${threshold} is more than the ${referenced.length} listed`,
      );
    distinct = (_event, matched) => matched.map((index) => references[index]!);
  }

  const logTypes = [...new Set(referenced.flatMap((rule) => rule.rule.logTypes))];
  const title = document.title;
  const severity: Severity = document.level ? severityOf(document.level) : highest(referenced.map((rule) => rule.rule.severity));
  const sigmaTags = document.tags ?? [];
  const warnings: DocumentProblem[] = [];
  const tags = attackTags(sigmaTags, ({ path, message }) => warnings.push(new DocumentProblem('tags', path, message)));
  const matchedRules = (event: NormalizedEvent): number[] => {
    const found: number[] = [];
    referenced.forEach((rule, index) => {
      if ((rule.rule.logTypes as readonly string[]).includes(event.p_log_type) && rule.rule.rule(event)) found.push(index);
    });
    return found;
  };
  const groupOf = (event: NormalizedEvent): Array<[string, unknown]> => {
    const first = matchedRules(event)[0] ?? 0;
    return groupBy.map((field, index) => [field, groupGetters[first]![index]!(event) ?? null]);
  };

  // Every event the correlation can count matches one of its rules, so it needs what they all need.
  const filters = referenced.map((one) => one.rule.prefilter);
  const field = filters[0]?.field;
  const prefilter =
    field !== undefined && filters.every((filter) => filter?.field === field)
      ? { field, values: new Set(filters.flatMap((filter) => [...filter!.values])) }
      : undefined;

  const rule: Rule = {
    id: sigmaRuleId(referenced[0]!.logType, title),
    logTypes,
    severity,
    description: document.description?.trim() || title,
    runbook: runbookFrom(document.falsepositives),
    ...(document.references?.[0] ? { reference: document.references[0] } : {}),
    tags,
    dedupPeriodMinutes: Number(correlation.timespan.slice(0, -1)) * MINUTES_PER_UNIT[correlation.timespan.slice(-1)]!,
    threshold,
    ...(document.author ? { author: document.author } : {}),
    ...(document.license ? { license: document.license } : {}),
    enabled: document.status !== 'deprecated' && document.status !== 'unsupported',
    origin: 'sigma',
    ...(prefilter ? { prefilter } : {}),
    rule: (event) => referenced.some((one) => (one.rule.logTypes as readonly string[]).includes(event.p_log_type) && one.rule.rule(event)),
    title: () => title,
    dedup: (event) =>
      groupBy.length === 0
        ? 'all events'
        : groupOf(event)
            .map(([field, value]) => `${field}=${JSON.stringify(value)}`)
            .join(' '),
    ...(distinct ? { distinctValues: (event: NormalizedEvent) => distinct(event, matchedRules(event)) } : {}),
    alertContext: (event) => ({
      ...(document.id ? { sigmaId: document.id } : {}),
      ...(document.author ? { sigmaAuthor: document.author } : {}),
      ...(document.license ? { sigmaLicense: document.license } : {}),
      correlation: {
        type: correlation.type,
        rules: references,
        timespan: correlation.timespan,
        ...(condition?.field ? { field: condition.field } : {}),
        threshold,
      },
      ...(groupBy.length > 0 ? { group: Object.fromEntries(groupOf(event)) } : {}),
    }),
    tests: [],
  };
  return {
    compiled: { rule, logType: referenced[0]!.logType, sigmaId: document.id, name: document.name, title, warnings },
    referenced,
    generate: document.generate === true,
  };
}

/** Distinct values of a field: each element of an array counts on its own; objects by their JSON. */
function valuesOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

function highest(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((top, one) => (SEVERITIES.indexOf(one) > SEVERITIES.indexOf(top) ? one : top), 'INFO');
}
