import { INDICATOR_FIELDS } from '../logs/indicators';
import type { FieldRef, ValueType } from './search-plan';
import { quoteIdentifier, quoteString, type SqlDialect } from './sql-dialect';

/** Alias of the lake relation in DuckDB queries. */
export const DUCKDB_ROW = 'e';

/** The user-defined function the DuckDB backend registers for IPv6 blocks (IPv4 is plain SQL). */
export const IPV6_CIDR_FUNCTION = 'prowl_ipv6_in_cidr';

/**
 * Top-level fields read as text rather than JSON: Prowl writes them as ISO strings, and comparing
 * and sorting them as text needs no parsing per row.
 */
export const DUCKDB_TEXT_COLUMNS: ReadonlySet<string> = new Set(['p_event_time', 'p_parse_time']);

/**
 * How a top-level field is typed wherever DuckDB reads the lake, JSON files and compacted Parquet
 * alike, so both layouts give one relation: the p_ times as text, the p_any_* indicators as lists
 * of text (read as lists, they are tested without parsing JSON per element), everything else as JSON.
 */
export function duckDbColumnType(name: string): 'VARCHAR' | 'VARCHAR[]' | 'JSON' {
  if (DUCKDB_TEXT_COLUMNS.has(name)) return 'VARCHAR';
  return INDICATOR_COLUMNS.has(name) ? 'VARCHAR[]' : 'JSON';
}

const INDICATOR_COLUMNS: ReadonlySet<string> = new Set(INDICATOR_FIELDS);

const IPV4 = '^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$';

/**
 * DuckDB over the lake files, read with read_json and an explicit column list: only the top-level
 * fields a search uses are read, each as JSON (text for the p_ times). Lake files differ in which
 * optional fields they carry; with inferred columns a field absent from every file in range would
 * be a binder error, while a declared column is simply NULL. Nested fields are JSON paths into
 * their top-level column, so each line is parsed once and only small values are parsed again.
 */
export const duckDbDialect: SqlDialect = {
  name: 'duckdb',
  placeholder: (index) => `$${index}`,
  scalar(field, as) {
    if (isTextColumn(field)) return column(field);
    return castText(`json_extract_string(${column(field)}, ${jsonPath(field.path.slice(1))})`, as);
  },
  param: (placeholder, as) => (as === 'time' ? `CAST(${placeholder} AS TIMESTAMPTZ)` : placeholder),
  list: (field) => (isIndicatorColumn(field) ? column(field) : `json_extract_string(${column(field)}, ${jsonPath(field.path.slice(1), '[*]')})`),
  listContains: (list, placeholder) => `list_contains(${list}, ${placeholder})`,
  listOverlaps: (list, placeholders) => `list_has_any(${list}, [${placeholders.join(', ')}])`,
  listAny: (list, test) => `len(list_filter(${list}, lambda v: ${test('v')})) > 0`,
  cidr(expression, block, bind) {
    if (block.version === 6) return `coalesce(${IPV6_CIDR_FUNCTION}(${expression}, ${bind(block.text)}), false)`;
    return `(${ipv4Number(expression)} BETWEEN ${bind(block.first!)} AND ${bind(block.last!)})`;
  },
  project: (field) => (field.path.length === 1 ? column(field) : `json_extract(${column(field)}, ${jsonPath(field.path.slice(1))})`),
  partitionColumn: (name) => `${DUCKDB_ROW}.${quoteIdentifier(name)}`,
};

function column(field: FieldRef): string {
  return `${DUCKDB_ROW}.${quoteIdentifier(field.path[0]!)}`;
}

function isIndicatorColumn(field: FieldRef): boolean {
  return field.path.length === 1 && INDICATOR_COLUMNS.has(field.path[0]!);
}

function isTextColumn(field: FieldRef): boolean {
  return field.path.length === 1 && DUCKDB_TEXT_COLUMNS.has(field.path[0]!);
}

function castText(text: string, as: ValueType): string {
  switch (as) {
    case 'number':
      return `TRY_CAST(${text} AS DOUBLE)`;
    case 'boolean':
      return `TRY_CAST(${text} AS BOOLEAN)`;
    case 'time':
      return `TRY_CAST(${text} AS TIMESTAMPTZ)`;
    default:
      return text;
  }
}

/** `$."a"."b"` below the column, every key quoted; `$` for the column's own value. */
function jsonPath(path: readonly string[], suffix = ''): string {
  return quoteString(`$${path.map((segment) => `."${segment}"`).join('')}${suffix}`);
}

/** A dotted-quad as an integer, NULL for anything that is not one (service names, IPv6, "-"). */
function ipv4Number(expression: string): string {
  return `(CASE WHEN regexp_full_match(${expression}, ${quoteString(IPV4)}) THEN list_reduce(list_transform(string_split(${expression}, '.'), lambda o: CAST(o AS BIGINT)), lambda a, b: a * 256 + b) END)`;
}
