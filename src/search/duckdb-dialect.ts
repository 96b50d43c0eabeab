import { INDICATOR_FIELDS } from '../logs/indicators';
import type { CidrBlock, FieldRef, ValueType } from './search-plan';
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
  if (DUCKDB_TEXT_COLUMNS.has(name) || isColumnarText(name)) return 'VARCHAR';
  return INDICATOR_COLUMNS.has(name) ? 'VARCHAR[]' : 'JSON';
}

const INDICATOR_COLUMNS: ReadonlySet<string> = new Set(INDICATOR_FIELDS);

/**
 * A log type's columnar field (userIdentity.arn) has two columns in DuckDB-written Parquet: its
 * JSON value (`p_field.…`, what a search shows) and its text (`p_text.…`, what filters compare;
 * plain text is tested on Parquet's dictionary, without parsing JSON per row). The p_ prefix is
 * Prowl's and the dot cannot occur in a top-level field name, so neither names an event field.
 */
export type ColumnarForm = 'json' | 'text';

const COLUMNAR_PREFIX: Record<ColumnarForm, string> = { json: 'p_field.', text: 'p_text.' };

export function columnarColumn(path: string, form: ColumnarForm): string {
  return `${COLUMNAR_PREFIX[form]}${path}`;
}

/**
 * A columnar field's column computed from its top-level object, exactly as a search reads the
 * field from the object (json_extract to show, json_extract_string to compare), so both layouts
 * give the same values.
 */
export function columnarValue(path: string, form: ColumnarForm): string {
  const [top, ...below] = path.split('.');
  return `${form === 'json' ? 'json_extract' : 'json_extract_string'}(${quoteIdentifier(top!)}, ${jsonPath(below)})`;
}

function isColumnarText(name: string): boolean {
  return name.startsWith(COLUMNAR_PREFIX.text);
}

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
    if (field.path.length === 1 && isColumnarText(field.path[0]!)) return castText(column(field), as);
    return castText(`json_extract_string(${column(field)}, ${jsonPath(field.path.slice(1))})`, as);
  },
  param: (placeholder, as) => (as === 'time' ? `CAST(${placeholder} AS TIMESTAMPTZ)` : placeholder),
  list: (field) => (isIndicatorColumn(field) ? column(field) : `json_extract_string(${column(field)}, ${jsonPath(field.path.slice(1), '[*]')})`),
  listContains: (list, placeholder) => `list_contains(${list}, ${placeholder})`,
  listOverlaps: (list, placeholders) => `list_has_any(${list}, [${placeholders.join(', ')}])`,
  listAny: (list, test) => `len(list_filter(${list}, lambda v: ${test('v')})) > 0`,
  cidr(expression, block, bind) {
    if (block.version === 6) return `coalesce(${IPV6_CIDR_FUNCTION}(${expression}, ${bind(block.text)}), false)`;
    // Every address of the block starts with the block's whole leading octets ("203.0.113." for a
    // /24): that cheap test first spares most rows the parse into a number.
    const prefix = ipv4Prefix(block);
    const startsWith = prefix === undefined ? '' : `starts_with(${expression}, ${bind(prefix)}) AND `;
    return `(${startsWith}${ipv4Number(expression)} BETWEEN ${bind(block.first!)} AND ${bind(block.last!)})`;
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

/**
 * The text every dotted quad in the block starts with: its first whole octets and a dot (at most
 * three, so a /32 still needs the number). The dotted quads matched have no leading zeros, so each
 * address has one spelling. Undefined for blocks wider than a /8.
 */
function ipv4Prefix(block: CidrBlock): string | undefined {
  const octets = Math.min(3, Math.floor(Number(block.text.slice(block.text.indexOf('/') + 1)) / 8));
  if (octets === 0 || block.first === undefined) return undefined;
  const first = block.first;
  return `${[24, 16, 8]
    .slice(0, octets)
    .map((shift) => Math.floor(first / 2 ** shift) % 256)
    .join('.')}.`;
}

/** A dotted-quad as an integer, NULL for anything that is not one (service names, IPv6, "-"). */
function ipv4Number(expression: string): string {
  return `(CASE WHEN regexp_full_match(${expression}, ${quoteString(IPV4)}) THEN list_reduce(list_transform(string_split(${expression}, '.'), lambda o: CAST(o AS BIGINT)), lambda a, b: a * 256 + b) END)`;
}
