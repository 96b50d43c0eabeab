import type { DateTime } from 'luxon';
import { looksLikeCidr, parseCidr } from './cidr';
import type { FieldShape } from './field-shape';
import { globToLike } from './glob-pattern';
import { INDICATOR_ALIAS_NAMES, LOWERCASED_INDICATORS, indicatorColumns } from './indicator-aliases';
import type { FieldNode, FilterNode, QueryNode, ValueNode } from './query-ast';
import { queryError, searchRejected } from './query-error';
import { STANDARD_FIELDS, type SearchCatalog, type SearchableLogType } from './search-catalog';
import type { SearchLimits } from './search-limits';
import { EVENT_TIME, type Condition, type FieldRef, type SearchPlan, type SqlParam, type Test, type ValueType } from './search-plan';
import { parseInstant, partitionDays, resolveTimeRange } from './time-range';

export interface ResolveOptions {
  catalog: SearchCatalog;
  limits: SearchLimits;
  /** When the search runs: relative ranges (`last 24h`) and the default range end here. */
  now: DateTime;
}

/** A field found in the catalog together with its shape, before it becomes a FieldRef. */
interface Resolved {
  ref: FieldRef;
  shape: FieldShape;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const ACCEPTED_BY_KIND: Record<string, string> = {
  string: 'text fields accept =, !=, ~, !~ and in (…); = and in also take CIDR blocks such as 10.0.0.0/8',
  json: 'these fields accept =, !=, ~, !~, in (…), CIDR blocks, and >, >=, <, <= with numbers',
  number: 'number fields accept =, !=, in (…), >, >=, <, <=',
  boolean: 'true/false fields accept = and != with true or false',
  time: 'time fields accept =, !=, in (…), >, >=, <, <= with ISO dates such as 2024-05-01T13:00:00Z',
  list: 'list fields accept =, !=, ~, !~ and in (…) (matching any element), and CIDR blocks',
};

/**
 * Checks a parsed query against the catalog and types every value. Field names must exist in the
 * log type's schema (or be p_ fields): a typo would otherwise return no rows, which reads as "this
 * never happened" — the worst answer a security search can give.
 */
export function resolveQuery(query: QueryNode, options: ResolveOptions): SearchPlan {
  const { catalog, limits } = options;
  const any = query.source.kind === 'any';
  const sources = resolveSources(query, catalog);
  const scope = new FieldScope(query.text, any ? undefined : sources[0]);
  const range = resolveTimeRange(query, limits, options.now);
  const conditions = query.filters.map((filter) => toCondition(query.text, filter, scope.resolve(filter.field, 'filter')));
  const limit = query.limit?.value ?? limits.defaultLimit;
  if (limit > limits.maxLimit) {
    throw queryError(query.text, query.limit!.span, `limit ${limit} is more than the maximum`, `accepted: up to ${limits.maxLimit} rows`);
  }
  const columns = query.fields
    ? query.fields.flatMap((field) => scope.resolve(field, 'show').map((resolved) => resolved.ref))
    : defaultColumns(query, scope, any);
  // p_event_time always leads: results are ordered by it, and a union over log types can only
  // order by a column it returns.
  return { sources, any, range, days: partitionDays(range), conditions, columns: uniqueByName([EVENT_TIME, ...columns]), limit };
}

function resolveSources(query: QueryNode, catalog: SearchCatalog): SearchableLogType[] {
  const names = catalog.logTypes.map((logType) => logType.name).join(', ');
  if (query.source.kind === 'any') {
    if (catalog.logTypes.length === 0) throw searchRejected('no log types are configured, so there is nothing to search');
    return [...catalog.logTypes];
  }
  const found = catalog.find(query.source.name);
  if (!found) throw queryError(query.text, query.source.span, 'unknown log type', `accepted: any, ${names}`);
  return [found];
}

/** Who is asking decides what a name may refer to: a log type's schema, or `any`'s indicator aliases. */
class FieldScope {
  constructor(
    private readonly text: string,
    private readonly logType: SearchableLogType | undefined,
  ) {}

  resolve(node: FieldNode, use: 'filter' | 'show'): Resolved[] {
    return this.logType ? [this.resolveInLogType(node, this.logType, use)] : this.resolveInAny(node);
  }

  private resolveInAny(node: FieldNode): Resolved[] {
    const [name] = node.path;
    const accepted = `accepted with any: ${INDICATOR_ALIAS_NAMES.join(', ')}, or a p_ field such as p_log_type`;
    if (node.path.length > 1) throw queryError(this.text, node.span, 'any searches cannot use nested fields', accepted);
    const columns = indicatorColumns(name!.toLowerCase());
    if (columns) return columns.map((column) => this.standard(column));
    const shape = STANDARD_FIELDS.get(name!);
    if (!shape) throw queryError(this.text, node.span, 'unknown field for any', accepted);
    return [{ ref: toRef(name!, [name!], 1, shape), shape }];
  }

  private standard(column: string): Resolved {
    const shape = STANDARD_FIELDS.get(column)!;
    return { ref: toRef(column, [column], 1, shape), shape };
  }

  private resolveInLogType(node: FieldNode, logType: SearchableLogType, use: 'filter' | 'show'): Resolved {
    const path: string[] = [];
    let children: ReadonlyMap<string, FieldShape> = logType.fields;
    let shape: FieldShape | undefined;
    for (const [index, segment] of node.path.entries()) {
      if (shape && (shape.kind === 'map' || shape.kind === 'json')) {
        // Inside free-form JSON every key is allowed and kept as typed: keys there are case-sensitive.
        path.push(...node.path.slice(index));
        return { ref: toRef(path.join('.'), path, index, { kind: 'json' }), shape: { kind: 'json' } };
      }
      if (shape && shape.kind === 'list') {
        throw queryError(
          this.text,
          node.span,
          `${path.join('.')} is a list; fields inside list items cannot be searched`,
          'search the list itself, or an indicator with any (e.g. any arn=…)',
        );
      }
      if (shape && shape.kind !== 'object') {
        throw queryError(this.text, node.span, `${path.join('.')} has no nested fields`, `use ${path.join('.')} itself`);
      }
      const name = findKey(children, segment);
      if (name === undefined) throw this.unknownField(node, logType, path, children, segment);
      path.push(name);
      shape = children.get(name)!;
      children = shape.children ?? new Map();
    }
    const resolved = { ref: toRef(path.join('.'), path, path.length, shape!), shape: shape! };
    if (use === 'filter' && !resolved.ref.comparable) {
      if (shape!.kind === 'list') {
        throw queryError(
          this.text,
          node.span,
          `${resolved.ref.name} is a list of objects and cannot be compared`,
          'show it with fields, or find its ARNs and accounts with any arn=… / any account=…',
        );
      }
      throw queryError(
        this.text,
        node.span,
        `${resolved.ref.name} is an object and cannot be compared`,
        `filter on a field inside it, e.g. ${exampleChild(resolved)}`,
      );
    }
    return resolved;
  }

  private unknownField(node: FieldNode, logType: SearchableLogType, parent: string[], children: ReadonlyMap<string, FieldShape>, segment: string): Error {
    const known = [...children.keys()];
    const suggestion = closest(segment, known);
    const where = parent.length === 0 ? logType.name : `${logType.name} ${parent.join('.')}`;
    const isAlias = parent.length === 0 && indicatorColumns(segment.toLowerCase());
    const hint = suggestion
      ? `did you mean ${[...parent, suggestion].join('.')}?`
      : isAlias
        ? `indicator shortcuts such as ${segment}= work with any; on a log type use ${isAlias.join(' or ')}`
        : `known fields: ${known.slice(0, 25).join(', ')}${known.length > 25 ? ', …' : ''}`;
    return queryError(this.text, node.span, `${where} has no field "${segment}"`, hint);
  }
}

function toRef(name: string, path: readonly string[], jsonFrom: number, shape: FieldShape): FieldRef {
  const list = shape.kind === 'list';
  const scalarList = list && isScalar(shape.element);
  return { name, path, jsonFrom, list, comparable: list ? scalarList : shape.kind !== 'object' && shape.kind !== 'map' };
}

function isScalar(shape: FieldShape | undefined): boolean {
  return shape !== undefined && shape.kind !== 'object' && shape.kind !== 'map' && shape.kind !== 'list';
}

/** Exact match first; a case-insensitive one when it is unambiguous (Athena ignores case anyway). */
function findKey(children: ReadonlyMap<string, FieldShape>, segment: string): string | undefined {
  if (children.has(segment)) return segment;
  const matches = [...children.keys()].filter((key) => key.toLowerCase() === segment.toLowerCase());
  return matches.length === 1 ? matches[0] : undefined;
}

function exampleChild(resolved: Resolved): string {
  const first = resolved.shape.children ? [...resolved.shape.children.keys()][0] : undefined;
  return `${resolved.ref.name}.${first ?? 'name'}`;
}

function toCondition(text: string, filter: FilterNode, targets: Resolved[]): Condition {
  const tests: Condition[] = targets.flatMap((target) => toTests(text, filter, target).map((test): Condition => ({ kind: 'test', field: target.ref, test })));
  const positive: Condition = tests.length === 1 ? tests[0]! : { kind: 'or', conditions: tests };
  return filter.op === '!=' || filter.op === '!~' ? { kind: 'not', condition: positive } : positive;
}

/**
 * The comparisons a filter makes on one field, any of which may match (an `in` list mixing CIDR
 * blocks and exact values gives several). The kind of the field decides which operators fit.
 */
function toTests(text: string, filter: FilterNode, target: Resolved): Test[] {
  const kind = target.ref.list ? 'list' : target.shape.kind;
  const reject = (problem: string): Error => queryError(text, filter.span, problem, ACCEPTED_BY_KIND[kind]);
  switch (filter.op) {
    case '~':
    case '!~':
      if (kind !== 'string' && kind !== 'json' && kind !== 'list') throw reject(`~ (glob) works on text, and ${target.ref.name} is ${describe(kind)}`);
      return [{ kind: 'glob', pattern: globToLike(filter.value.text) }];
    case '>':
    case '>=':
    case '<':
    case '<=':
      if (kind === 'number' || kind === 'time') {
        return [{ kind: 'compare', as: valueType(target.shape), op: filter.op, value: typedValue(text, filter.value, target.shape, target.ref.name) }];
      }
      if (kind === 'json' && NUMBER.test(filter.value.text)) return [{ kind: 'compare', as: 'number', op: filter.op, value: Number(filter.value.text) }];
      throw reject(`${filter.op} compares numbers and times, and ${target.ref.name} is ${describe(kind)}`);
    case '=':
    case '!=':
    case 'in': {
      if (kind === 'boolean' && filter.op === 'in') throw reject('in does not apply to true/false fields');
      const values = filter.op === 'in' ? filter.values : [filter.value];
      const textual = kind === 'string' || kind === 'json' || kind === 'list';
      const cidrs = textual ? values.filter((value) => looksLikeCidr(value.text)) : [];
      const exact = values.filter((value) => !cidrs.includes(value));
      const element = target.ref.list ? target.shape.element! : target.shape;
      const as = valueType(element);
      const lowercase = LOWERCASED_INDICATORS.has(target.ref.name);
      const typed = exact.map((value) => {
        const one = typedValue(text, value, element, target.ref.name);
        return lowercase && typeof one === 'string' ? one.toLowerCase() : one;
      });
      const tests: Test[] = [];
      if (typed.length === 1) tests.push({ kind: 'equals', as, value: typed[0]! });
      if (typed.length > 1) tests.push({ kind: 'oneOf', as, values: typed });
      for (const value of cidrs) {
        const block = parseCidr(value.text);
        if (!block) throw queryError(text, value.span, 'not a valid CIDR block', 'accepted: an IPv4 or IPv6 network such as 10.0.0.0/8 or 2001:db8::/32');
        tests.push({ kind: 'cidr', block });
      }
      return tests;
    }
  }
}

function valueType(shape: FieldShape): ValueType {
  switch (shape.kind) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'time':
      return shape.sortableText ? 'stamp' : 'time';
    default:
      return 'text';
  }
}

/** A value typed for its field; times become ISO-8601 UTC with milliseconds, the format Prowl writes. */
function typedValue(text: string, value: ValueNode, shape: FieldShape, field: string): SqlParam {
  switch (valueType(shape)) {
    case 'number':
      if (!NUMBER.test(value.text)) throw queryError(text, value.span, `${field} is a number`, 'accepted: a number such as 42 or -1.5');
      return Number(value.text);
    case 'boolean': {
      const lower = value.text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw queryError(text, value.span, `${field} is true/false`, 'accepted: true or false');
      return lower === 'true';
    }
    case 'time':
    case 'stamp':
      return parseInstant(text, value).toISO()!;
    case 'text':
      return value.text;
  }
}

function describe(kind: string): string {
  const names: Record<string, string> = { number: 'a number', boolean: 'true/false', time: 'a time', list: 'a list', string: 'text', json: 'free-form JSON' };
  return names[kind] ?? kind;
}

/**
 * Without `fields`: when it happened, what was filtered on (what the person cares about), who and
 * from where (indicators every log type has), and the row id to find the event again.
 */
function defaultColumns(query: QueryNode, scope: FieldScope, any: boolean): FieldRef[] {
  const filtered = query.filters.flatMap((filter) => scope.resolve(filter.field, 'show').map((resolved) => resolved.ref));
  const standard = (name: string): FieldRef => ({ name, path: [name], jsonFrom: 1, list: name.startsWith('p_any_'), comparable: true });
  return any
    ? [EVENT_TIME, standard('p_log_type'), ...filtered, standard('p_source_label'), standard('p_row_id')]
    : [EVENT_TIME, ...filtered, standard('p_any_aws_arns'), standard('p_any_ip_addresses'), standard('p_row_id')];
}

function uniqueByName(columns: FieldRef[]): FieldRef[] {
  const seen = new Set<string>();
  return columns.filter((column) => !seen.has(column.name) && seen.add(column.name) !== undefined);
}

/** The known name within edit distance 2 (or differing only in case), for "did you mean". */
function closest(typed: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
