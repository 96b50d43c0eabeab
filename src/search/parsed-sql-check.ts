import { ProwlError } from '../errors';
import { DENIED_FUNCTIONS, DENIED_PREFIXES } from './read-only-sql';

/**
 * What DuckDB's own parser says a statement reads, from `json_serialize_sql` (which serializes only
 * SELECT statements): the tables it names and the functions it calls, however they were spelled —
 * quoted (`"duckdb_settings"()`), schema-qualified or in any case.
 */
export interface ParsedSelect {
  tables: string[];
  functions: string[];
  /** Names of the statement's own CTEs, which FROM may use like tables. */
  ctes: string[];
  /** Table references with a schema or catalog (another database), and table functions other than range/generate_series/unnest. */
  foreign: string[];
}

type Node = Record<string, unknown>;

/** Table functions that only compute rows (no files, settings or catalogs behind them). */
const COMPUTING_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks the serialized tree; the tree is DuckDB's, so recursion depth follows the statement's nesting. */
export function readParsedSelect(serialized: string): ParsedSelect {
  const tree = JSON.parse(serialized) as Node;
  if (tree['error'] === true)
    throw new ProwlError(
      'prowl_bad_input',
      `sql: ${String(tree['error_message'] ?? 'DuckDB could not parse the statement')}; accepted: one read-only SELECT (or WITH … SELECT) over the log tables`,
    );
  const found: ParsedSelect = { tables: [], functions: [], ctes: [], foreign: [] };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    if (typeof value['function_name'] === 'string') {
      found.functions.push(value['function_name'].toLowerCase());
      if (value['schema'] || value['catalog'])
        found.foreign.push(`${String(value['catalog'] || '')}.${String(value['schema'] || '')}.${value['function_name']}`);
    }
    if (value['type'] === 'BASE_TABLE' && typeof value['table_name'] === 'string') {
      found.tables.push(value['table_name']);
      if (value['schema_name'] || value['catalog_name'])
        found.foreign.push(`${String(value['catalog_name'] || '')}.${String(value['schema_name'] || '')}.${value['table_name']}`);
    }
    if (value['type'] === 'TABLE_FUNCTION') {
      const fn = value['function'];
      const name = isNode(fn) && typeof fn['function_name'] === 'string' ? fn['function_name'].toLowerCase() : '';
      if (!COMPUTING_TABLE_FUNCTIONS.has(name)) found.foreign.push(name ? `the table function ${name}` : 'a table function');
    }
    const cteMap = value['cte_map'];
    if (isNode(cteMap) && Array.isArray(cteMap['map'])) {
      for (const entry of cteMap['map']) if (isNode(entry) && typeof entry['key'] === 'string') found.ctes.push(entry['key']);
    }
    Object.values(value).forEach(visit);
  };
  visit(tree['statements']);
  return found;
}

/** Refuses what the parse shows the statement would do beyond reading the log tables. */
export function checkParsedSelect(parsed: ParsedSelect, logTables: ReadonlySet<string>): void {
  const reject = (problem: string): never => {
    throw new ProwlError('prowl_bad_input', `sql: ${problem}; accepted: one read-only SELECT (or WITH … SELECT) over the log tables`);
  };
  if (parsed.foreign.length > 0) reject(`${parsed.foreign[0]} is not allowed: query the log tables by their plain names`);
  const denied = parsed.functions.find(
    (name) => DENIED_FUNCTIONS.has(name.toUpperCase()) || DENIED_PREFIXES.some((prefix) => name.toUpperCase().startsWith(prefix)),
  );
  if (denied) reject(`${denied} is not allowed: it reads files, settings or other databases`);
  const ctes = new Set(parsed.ctes.map((name) => name.toLowerCase()));
  const unknown = parsed.tables.find((table) => !logTables.has(table.toLowerCase()) && !ctes.has(table.toLowerCase()));
  if (unknown !== undefined) reject(`"${unknown}" is not a log table (${[...logTables].sort().join(', ')})`);
}
