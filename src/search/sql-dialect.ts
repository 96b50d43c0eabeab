import type { CidrBlock, FieldRef, ValueType } from './search-plan';

/**
 * Everything that differs between DuckDB and Athena, and nothing else: the compiler writes the
 * query once and asks the dialect how to spell each piece.
 *
 * Names reaching a dialect are identifiers already checked against FIELD_PATH or TABLE_NAME; the
 * dialect still quotes them, so even a grammar mistake could not turn a name into SQL. Values never
 * reach a dialect: it receives placeholders from `bind`.
 */
export interface SqlDialect {
  readonly name: 'duckdb' | 'athena';
  /** The placeholder for the n-th (1-based) bound parameter. */
  placeholder(index: number): string;
  /** A field as a scalar of the given type (NULL when missing or not convertible). */
  scalar(field: FieldRef, as: ValueType): string;
  /** A bound parameter cast to compare with `scalar(…, as)`. */
  param(placeholder: string, as: ValueType): string;
  /** A list-of-text field (the p_any_* indicators), empty or NULL when missing. */
  list(field: FieldRef): string;
  listContains(list: string, placeholder: string): string;
  listOverlaps(list: string, placeholders: string[]): string;
  /** True when `test` holds for at least one element; `test` receives the element variable. */
  listAny(list: string, test: (element: string) => string): string;
  /** `expression` (text) is an address inside the block; `bind` adds parameters. */
  cidr(expression: string, block: CidrBlock, bind: (value: string | number) => string): string;
  /** A field as returned to the caller. */
  project(field: FieldRef): string;
  /** year/month/day/hour partition column. */
  partitionColumn(name: 'year' | 'month' | 'day' | 'hour'): string;
}

/** Double-quoted identifier with embedded quotes doubled (standard SQL, both engines). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Single-quoted string literal with embedded quotes doubled; for text Prowl itself builds. */
export function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
