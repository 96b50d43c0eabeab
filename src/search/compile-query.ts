import { isAbsolute } from 'node:path';
import { ProwlError } from '../errors';
import { athenaDialect } from './athena-dialect';
import type { CompileTarget, CompiledQuery } from './compiled-query';
import type { DateTime } from 'luxon';
import { parquetKey, parquetTableName } from '../lake/lake-layout';
import { columnarColumn, columnarValue, DUCKDB_ROW, duckDbColumnType, duckDbDialect, type ColumnarForm } from './duckdb-dialect';
import { partitionDirectory, LAKE_FILE_SUFFIX } from './lake-paths';
import type { SearchableLogType } from './search-catalog';
import { EVENT_TIME, ROW_ID, type Condition, type FieldRef, type SearchPlan, type SqlParam, type Test } from './search-plan';
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
 *   ORDER BY p_event_time DESC, p_row_id DESC LIMIT n
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
    const columnar = new Map<string, ColumnarRead>();
    const read = readingColumnarFields(plan, columnar);
    const source = duckDbSource(read, target, columnar);
    const order = `${dialect.scalar(EVENT_TIME, 'stamp')} DESC, ${dialect.scalar(ROW_ID, 'text')} DESC`;
    const sql = `${selectFrom(read, read.days, dialect, source.sql, bind)}\nORDER BY ${order}\nLIMIT ${limit}`;
    return { ...common, sql, reads: source.reads, ...(source.empty ? { empty: true } : {}) };
  }

  const database = athenaDatabase(target.database);
  const branches = plan.sources.flatMap((source) => athenaBranches(plan, source, target, database, bind));
  // Ties broken by p_row_id where the query can name it: a column of the result, or a single SELECT.
  const tieBreak = branches.length === 1 || plan.columns.some((column) => column.name === ROW_ID.name) ? `, ${quoteIdentifier(ROW_ID.name)} DESC` : '';
  const ordered = `ORDER BY ${quoteIdentifier(EVENT_TIME.name)} DESC${tieBreak}\nLIMIT ${limit}`;
  // One branch is a plain SELECT; `any` and partly compacted ranges are a UNION ALL, ordered as a whole.
  const sql = branches.length === 1 ? `${branches[0]}\n${ordered}` : `SELECT * FROM (\n${branches.join('\nUNION ALL\n')}\n)\n${ordered}`;
  return { ...common, sql };
}

/**
 * One SELECT per layout an hour of the table is in: the JSON table for open hours, the Parquet
 * table (`<table>_parquet`, partitioned the same way) for compacted ones, each with the partition
 * predicate of its own hours only, so no hour is read from both.
 */
function athenaBranches(
  plan: SearchPlan,
  source: SearchableLogType,
  target: Extract<CompileTarget, { dialect: 'athena' }>,
  database: string,
  bind: (value: SqlParam) => string,
): string[] {
  const compacted = target.compactedHour;
  if (!compacted) return [selectFrom(plan, plan.days, athenaDialect, `${database}.${quoteIdentifier(source.table)}`, bind)];
  const hours = partitionHours(plan.days);
  const parquet = hours.filter((hour) => compacted(source.table, hour));
  const json = hours.filter((hour) => !compacted(source.table, hour));
  return [
    ...(json.length > 0 ? [selectFrom(plan, hourRuns(json), athenaDialect, `${database}.${quoteIdentifier(source.table)}`, bind)] : []),
    ...(parquet.length > 0 ? [selectFrom(plan, hourRuns(parquet), athenaDialect, `${database}.${quoteIdentifier(parquetTableName(source.table))}`, bind)] : []),
  ];
}

/** Hours (in order) as partition days: one group per run of consecutive hours within a day. */
function hourRuns(hours: readonly DateTime[]): PartitionDay[] {
  const days: PartitionDay[] = [];
  for (const hour of hours) {
    const current = days[days.length - 1];
    if (current && current.year === hour.year && current.month === hour.month && current.day === hour.day && current.lastHour === hour.hour - 1) {
      current.lastHour = hour.hour;
    } else {
      days.push({ year: hour.year, month: hour.month, day: hour.day, firstHour: hour.hour, lastHour: hour.hour });
    }
  }
  return days;
}

function selectFrom(plan: SearchPlan, days: readonly PartitionDay[], dialect: SqlDialect, from: string, bind: (value: SqlParam) => string): string {
  const columns = plan.columns.map((column) => `${dialect.project(column)} AS ${quoteIdentifier(column.name)}`);
  const stamp = dialect.scalar(EVENT_TIME, 'stamp');
  const where = [
    partitionPredicate(days, dialect),
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
 * DuckDB reads exactly the hours in range that hold data, for every log type searched, and only the
 * top-level fields the search uses: a compacted hour from its one Parquet file, any other hour from
 * its JSON partition directory, never both. With no partitions it reads an empty relation of the
 * same shape (and the backend skips it).
 */
function duckDbSource(
  plan: SearchPlan,
  target: Extract<CompileTarget, { dialect: 'duckdb' }>,
  columnar: ReadonlyMap<string, ColumnarRead>,
): { sql: string; empty: boolean; reads: NonNullable<CompiledQuery['reads']> } {
  if (!isAbsolute(target.lakeDir) || GLOB_CHARACTERS.test(target.lakeDir)) {
    throw new ProwlError(
      'prowl_config_invalid',
      `search: the lake directory must be an absolute path without glob characters (* ? [ ] { }); got "${target.lakeDir}"`,
    );
  }
  const lakeDir = target.lakeDir.replace(/\/+$/, '');
  const names = topLevelFields(plan);
  const columns = names.map((name): [string, string] => [name, duckDbColumnType(name)]);
  const hours = partitionHours(plan.days);
  const jsonDirectories: string[] = [];
  const parquetFiles: string[] = [];
  for (const source of plan.sources) {
    for (const hour of hours) {
      const directory = partitionDirectory(source.table, hour);
      if (target.compactedHour?.(source.table, hour)) parquetFiles.push(`${lakeDir}/${parquetKey(source.table, hour)}`);
      else if (target.partitionExists(directory)) jsonDirectories.push(`${lakeDir}/${directory}`);
    }
  }
  const reads = { jsonDirectories, parquetFiles, columns: names };
  const partitionTypes = `{${PARTITION_KEYS.map((key) => `'${key}': INTEGER`).join(', ')}}`;
  if (jsonDirectories.length === 0 && parquetFiles.length === 0) {
    const nulls = [...columns, ...PARTITION_KEYS.map((key): [string, string] => [key, 'INTEGER'])].map(
      ([name, type]) => `CAST(NULL AS ${type}) AS ${quoteIdentifier(name)}`,
    );
    return { sql: `(SELECT ${nulls.join(', ')} WHERE false) AS ${DUCKDB_ROW}`, empty: true, reads };
  }
  // records = true: every line is one object. Left to detect it, DuckDB reads markedly slower.
  // JSON files hold the objects, not the columnar fields: those are computed from their object.
  const jsonColumns = [...new Set(names.map((name) => topLevelOf(name, columnar)))];
  const declared = jsonColumns.map((name) => `${quoteString(name)}: '${duckDbColumnType(name)}'`).join(', ');
  const fileList = (files: readonly string[]): string => `[\n    ${files.map(quoteString).join(',\n    ')}\n  ]`;
  const readJson = `read_json(${fileList(jsonDirectories.map((directory) => `${directory}/*${LAKE_FILE_SUFFIX}`))}, format = 'newline_delimited', records = true, columns = {${declared}}, hive_partitioning = true, hive_types = ${partitionTypes})`;
  const computed = [...columnar].map(([column, { path, form }]) => `, ${columnarValue(path, form)} AS ${quoteIdentifier(column)}`).join('');
  const json = computed === '' ? readJson : `(SELECT *${computed} FROM ${readJson})`;
  if (parquetFiles.length === 0) return { sql: `${json} AS ${DUCKDB_ROW}`, empty: false, reads };
  // Parquet files hold every column of their table with the types the JSON reader declares above,
  // so both branches line up by name; the partition keys come from the path in both.
  const selected = [...names, ...PARTITION_KEYS].map(quoteIdentifier).join(', ');
  const parquet = `SELECT ${selected} FROM read_parquet(${fileList(parquetFiles)}, hive_partitioning = true, hive_types = ${partitionTypes}, union_by_name = true)`;
  const relation = jsonDirectories.length === 0 ? parquet : `SELECT ${selected} FROM ${json}\n  UNION ALL\n  ${parquet}`;
  return { sql: `(\n  ${relation}\n) AS ${DUCKDB_ROW}`, empty: false, reads };
}

const PARTITION_KEYS = ['year', 'month', 'day', 'hour'] as const;

/**
 * The plan with every field at or below a columnar field (userIdentity.arn) read from that field's
 * own column, when every log type searched has one: a compacted hour then reads that small column,
 * not the whole object. `used` receives each such column with its dotted path and form.
 */
function readingColumnarFields(plan: SearchPlan, used: Map<string, ColumnarRead>): SearchPlan {
  if (plan.sources.length === 0) return plan;
  const shared = plan.sources.map((source) => new Set(source.columnar)).reduce((common, next) => new Set([...common].filter((path) => next.has(path))));
  if (shared.size === 0) return plan;
  // Filters on the field itself compare its text column; shown fields, lists and paths below it
  // read its JSON column.
  const rewrite = (field: FieldRef, compared: boolean): FieldRef => {
    for (let length = field.path.length; length > 1; length -= 1) {
      const path = field.path.slice(0, length).join('.');
      if (!shared.has(path)) continue;
      const form = compared && !field.list && length === field.path.length ? 'text' : 'json';
      const column = columnarColumn(path, form);
      used.set(column, { path, form });
      return { ...field, path: [column, ...field.path.slice(length)], jsonFrom: 1 };
    }
    return field;
  };
  const visit = (condition: Condition): Condition => {
    switch (condition.kind) {
      case 'test':
        return { ...condition, field: rewrite(condition.field, true) };
      case 'or':
        return { ...condition, conditions: condition.conditions.map(visit) };
      case 'not':
        return { ...condition, condition: visit(condition.condition) };
    }
  };
  return { ...plan, columns: plan.columns.map((column) => rewrite(column, false)), conditions: plan.conditions.map(visit) };
}

interface ColumnarRead {
  path: string;
  form: ColumnarForm;
}

/** The top-level object a relation column comes from in the JSON files (itself, unless columnar). */
function topLevelOf(name: string, columnar: ReadonlyMap<string, ColumnarRead>): string {
  const read = columnar.get(name);
  return read === undefined ? name : read.path.slice(0, read.path.indexOf('.'));
}

/** Every top-level field the search reads: p_event_time, the columns shown, the fields filtered. */
function topLevelFields(plan: SearchPlan): string[] {
  const names = new Set<string>([EVENT_TIME.name, ...plan.columns.map((column) => column.path[0]!), ROW_ID.name]);
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
