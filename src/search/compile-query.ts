import { isAbsolute } from 'node:path';
import { ProwlError } from '../errors';
import { athenaDialect } from './athena-dialect';
import type { CompileTarget, CompiledQuery } from './compiled-query';
import { DUCKDB_ROW, DUCKDB_TEXT_COLUMNS, duckDbDialect } from './duckdb-dialect';
import { partitionDirectory, LAKE_FILE_SUFFIX } from './lake-paths';
import type { SearchableLogType } from './search-catalog';
import { EVENT_TIME, type Condition, type FieldRef, type SearchPlan, type SqlParam, type Test } from './search-plan';
import { quoteIdentifier, quoteString, type SqlDialect } from './sql-dialect';
import { partitionHours, type PartitionDay } from './time-range';

/** Glue database names: letters, digits, _ and -. */
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** Characters DuckDB would read as a glob in a file path. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * Turns a plan into SQL for one engine. The shape is the same for both:
 *
 *   SELECT <columns> FROM <lake> WHERE <partitions> AND <p_event_time range> AND <filters>
 *   ORDER BY p_event_time DESC LIMIT n
 *
 * The partition predicate and the p_event_time range are always present, so no search scans the
 * whole lake. Every filter value is a bound parameter; only names checked against the identifier
 * grammar (quoted), and integers Prowl computed (partition numbers, the limit), are written into
 * the text.
 */
export function compileQuery(plan: SearchPlan, target: CompileTarget): CompiledQuery {
  const params: SqlParam[] = [];
  const dialect = target.dialect === 'duckdb' ? duckDbDialect : athenaDialect;
  const bind = (value: SqlParam): string => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  const limit = safeInteger(plan.limit);
  const common = {
    dialect: target.dialect,
    kind: 'search' as const,
    params,
    columns: plan.columns.map((column) => column.name),
    range: { from: plan.range.from.toISO()!, to: plan.range.to.toISO()! },
    logTypes: plan.sources.map((source) => source.name),
  };

  if (target.dialect === 'duckdb') {
    const source = duckDbSource(plan, target);
    const sql = `${selectFrom(plan, dialect, source.sql, bind)}\nORDER BY ${dialect.scalar(EVENT_TIME, 'stamp')} DESC\nLIMIT ${limit}`;
    return { ...common, sql, ...(source.empty ? { empty: true } : {}) };
  }

  const database = athenaDatabase(target.database);
  const branches = plan.sources.map((source) => selectFrom(plan, dialect, `${database}.${quoteIdentifier(source.table)}`, bind));
  const ordered = `ORDER BY ${quoteIdentifier(EVENT_TIME.name)} DESC\nLIMIT ${limit}`;
  // One log type is a plain SELECT; `any` is a UNION ALL of one SELECT per table, ordered as a whole.
  const sql = branches.length === 1 ? `${branches[0]}\n${ordered}` : `SELECT * FROM (\n${branches.join('\nUNION ALL\n')}\n)\n${ordered}`;
  return { ...common, sql };
}

function selectFrom(plan: SearchPlan, dialect: SqlDialect, from: string, bind: (value: SqlParam) => string): string {
  const columns = plan.columns.map((column) => `${dialect.project(column)} AS ${quoteIdentifier(column.name)}`);
  const stamp = dialect.scalar(EVENT_TIME, 'stamp');
  const where = [
    partitionPredicate(plan.days, dialect),
    `${stamp} >= ${bind(plan.range.from.toISO()!)}`,
    `${stamp} < ${bind(plan.range.to.toISO()!)}`,
    ...plan.conditions.map((condition) => renderCondition(condition, dialect, bind)),
  ];
  return `SELECT ${columns.join(', ')}\nFROM ${from}\nWHERE ${where.join('\n  AND ')}`;
}

/**
 * One group per day: `(year = 2024 AND month = 5 AND day = 1 AND hour BETWEEN 13 AND 23)`. Plain
 * equalities and ranges on the partition keys are what Athena's partition projection prunes on.
 */
function partitionPredicate(days: readonly PartitionDay[], dialect: SqlDialect): string {
  const column = dialect.partitionColumn;
  const groups = days.map((day) => {
    const parts = [
      `${column('year')} = ${safeInteger(day.year)}`,
      `${column('month')} = ${safeInteger(day.month)}`,
      `${column('day')} = ${safeInteger(day.day)}`,
    ];
    if (day.firstHour !== 0 || day.lastHour !== 23) parts.push(`${column('hour')} BETWEEN ${safeInteger(day.firstHour)} AND ${safeInteger(day.lastHour)}`);
    return `(${parts.join(' AND ')})`;
  });
  return `(${groups.join('\n    OR ')})`;
}

function renderCondition(condition: Condition, dialect: SqlDialect, bind: (value: SqlParam) => string): string {
  switch (condition.kind) {
    case 'test':
      return renderTest(condition.field, condition.test, dialect, bind);
    case 'or':
      return `(${condition.conditions.map((inner) => renderCondition(inner, dialect, bind)).join(' OR ')})`;
    case 'not':
      // coalesce keeps rows where the field is missing: NOT NULL would drop them.
      return `NOT coalesce(${renderCondition(condition.condition, dialect, bind)}, false)`;
  }
}

function renderTest(field: FieldRef, test: Test, dialect: SqlDialect, bind: (value: SqlParam) => string): string {
  const like = (expression: string, pattern: string): string => `lower(${expression}) LIKE ${bind(pattern)} ESCAPE '\\'`;
  if (field.list) {
    const list = dialect.list(field);
    switch (test.kind) {
      case 'equals':
        return dialect.listContains(list, bind(test.value));
      case 'oneOf':
        return dialect.listOverlaps(list, test.values.map(bind));
      case 'glob':
        return dialect.listAny(list, (element) => like(element, test.pattern));
      case 'cidr':
        return dialect.listAny(list, (element) => dialect.cidr(element, test.block, bind));
      case 'compare':
        throw new ProwlError('prowl_internal', `search: ${test.op} cannot apply to the list ${field.name}`);
    }
  }
  switch (test.kind) {
    case 'equals':
      return `${dialect.scalar(field, test.as)} = ${dialect.param(bind(test.value), test.as)}`;
    case 'oneOf':
      return `${dialect.scalar(field, test.as)} IN (${test.values.map((value) => dialect.param(bind(value), test.as)).join(', ')})`;
    case 'glob':
      return like(dialect.scalar(field, 'text'), test.pattern);
    case 'compare':
      return `${dialect.scalar(field, test.as)} ${test.op} ${dialect.param(bind(test.value), test.as)}`;
    case 'cidr':
      return dialect.cidr(dialect.scalar(field, 'text'), test.block, bind);
  }
}

/**
 * DuckDB reads exactly the hourly partition directories in range that hold files, for every log
 * type searched, and only the top-level fields the search uses. With no partitions it reads an
 * empty relation of the same shape (and the backend skips it).
 */
function duckDbSource(plan: SearchPlan, target: Extract<CompileTarget, { dialect: 'duckdb' }>): { sql: string; empty: boolean } {
  if (!isAbsolute(target.lakeDir) || GLOB_CHARACTERS.test(target.lakeDir)) {
    throw new ProwlError(
      'prowl_config_invalid',
      `search: the lake directory must be an absolute path without glob characters (* ? [ ] { }); got "${target.lakeDir}"`,
    );
  }
  const columns = topLevelFields(plan).map((name): [string, string] => [name, DUCKDB_TEXT_COLUMNS.has(name) ? 'VARCHAR' : 'JSON']);
  const hours = partitionHours(plan.days);
  const patterns = plan.sources.flatMap((source: SearchableLogType) =>
    hours
      .map((hour) => partitionDirectory(source.table, hour))
      .filter((directory) => target.partitionExists(directory))
      .map((directory) => `${target.lakeDir.replace(/\/+$/, '')}/${directory}/*${LAKE_FILE_SUFFIX}`),
  );
  if (patterns.length === 0) {
    const nulls = [...columns, ...PARTITION_KEYS.map((key): [string, string] => [key, 'INTEGER'])].map(
      ([name, type]) => `CAST(NULL AS ${type}) AS ${quoteIdentifier(name)}`,
    );
    return { sql: `(SELECT ${nulls.join(', ')} WHERE false) AS ${DUCKDB_ROW}`, empty: true };
  }
  // records = true: every line is one object. Left to detect it, DuckDB reads markedly slower.
  const declared = columns.map(([name, type]) => `${quoteString(name)}: '${type}'`).join(', ');
  const partitionTypes = `{${PARTITION_KEYS.map((key) => `'${key}': INTEGER`).join(', ')}}`;
  const files = patterns.map(quoteString).join(',\n    ');
  return {
    sql: `read_json([\n    ${files}\n  ], format = 'newline_delimited', records = true, columns = {${declared}}, hive_partitioning = true, hive_types = ${partitionTypes}) AS ${DUCKDB_ROW}`,
    empty: false,
  };
}

const PARTITION_KEYS = ['year', 'month', 'day', 'hour'] as const;

/** Every top-level field the search reads: p_event_time, the columns shown, the fields filtered. */
function topLevelFields(plan: SearchPlan): string[] {
  const names = new Set<string>([EVENT_TIME.name, ...plan.columns.map((column) => column.path[0]!)]);
  const visit = (condition: Condition): void => {
    if (condition.kind === 'test') names.add(condition.field.path[0]!);
    else if (condition.kind === 'or') condition.conditions.forEach(visit);
    else visit(condition.condition);
  };
  plan.conditions.forEach(visit);
  return [...names];
}

function athenaDatabase(database: string): string {
  if (!DATABASE_NAME.test(database)) {
    throw new ProwlError('prowl_config_invalid', `search: the Athena database name must be letters, digits, _ or -; got "${database}"`);
  }
  return quoteIdentifier(database);
}

function safeInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new ProwlError('prowl_internal', `search: expected an integer, got ${value}`);
  return String(value);
}
