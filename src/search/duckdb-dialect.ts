import type { ValueType } from './search-plan';
import { quoteIdentifier, quoteString, type SqlDialect } from './sql-dialect';

/** Alias of the lake relation and its one JSON column (read_ndjson_objects names it "json"). */
export const DUCKDB_ROW = 'e';
const EVENT = `${DUCKDB_ROW}.${quoteIdentifier('json')}`;

/** The user-defined function the DuckDB backend registers for IPv6 blocks (IPv4 is plain SQL). */
export const IPV6_CIDR_FUNCTION = 'prowl_ipv6_in_cidr';

const IPV4 = '^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$';

/**
 * DuckDB over the lake files. Each event is read as one JSON value rather than as typed columns:
 * lake files differ in which optional fields they carry, and with inferred columns a filter on a
 * field absent from every file in range would be a binder error instead of no match. JSON paths
 * make a missing field NULL, whatever the files hold.
 */
export const duckDbDialect: SqlDialect = {
  name: 'duckdb',
  placeholder: (index) => `$${index}`,
  scalar(field, as) {
    const text = `json_extract_string(${EVENT}, ${jsonPath(field.path)})`;
    return castText(text, as);
  },
  param: (placeholder, as) => (as === 'time' ? `CAST(${placeholder} AS TIMESTAMPTZ)` : placeholder),
  list: (field) => `json_extract_string(${EVENT}, ${jsonPath(field.path, '[*]')})`,
  listContains: (list, placeholder) => `list_contains(${list}, ${placeholder})`,
  listOverlaps: (list, placeholders) => `list_has_any(${list}, [${placeholders.join(', ')}])`,
  listAny: (list, test) => `len(list_filter(${list}, lambda v: ${test('v')})) > 0`,
  cidr(expression, block, bind) {
    if (block.version === 6) return `coalesce(${IPV6_CIDR_FUNCTION}(${expression}, ${bind(block.text)}), false)`;
    return `(${ipv4Number(expression)} BETWEEN ${bind(block.first!)} AND ${bind(block.last!)})`;
  },
  project: (field) => `json_extract(${EVENT}, ${jsonPath(field.path)})`,
  partitionColumn: (name) => `${DUCKDB_ROW}.${quoteIdentifier(name)}`,
};

function castText(text: string, as: ValueType): string {
  switch (as) {
    case 'number':
      return `TRY_CAST(${text} AS DOUBLE)`;
    case 'boolean':
      return `TRY_CAST(${text} AS BOOLEAN)`;
    case 'time':
      return `TRY_CAST(${text} AS TIMESTAMPTZ)`;
    default:
      // 'stamp' compares as text: Prowl writes p_event_time in one fixed ISO format.
      return text;
  }
}

/** `$."a"."b"`, every key quoted; keys are identifiers, so quoting is belt and braces. */
function jsonPath(path: readonly string[], suffix = ''): string {
  return quoteString(`$${path.map((segment) => `."${segment}"`).join('')}${suffix}`);
}

/** A dotted-quad as an integer, NULL for anything that is not one (service names, IPv6, "-"). */
function ipv4Number(expression: string): string {
  return `(CASE WHEN regexp_full_match(${expression}, ${quoteString(IPV4)}) THEN list_reduce(list_transform(string_split(${expression}, '.'), lambda o: CAST(o AS BIGINT)), lambda a, b: a * 256 + b) END)`;
}
