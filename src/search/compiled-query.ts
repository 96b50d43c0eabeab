import type { SqlParam } from './search-plan';

export type SearchDialect = 'duckdb' | 'athena';

/** SQL ready for a backend: the text, its bound parameters in placeholder order, and what it returns. */
export interface CompiledQuery {
  dialect: SearchDialect;
  /** `search` from the query language; `sql` from an admin's validated read-only statement. */
  kind: 'search' | 'sql';
  sql: string;
  params: SqlParam[];
  /** Result column names as the search named them (engines may change case). Absent for raw SQL. */
  columns?: string[];
  /** DuckDB only: no partition in the range holds files, so there is nothing to read. */
  empty?: boolean;
  /** The time range searched, ISO-8601 UTC, half-open. */
  range?: { from: string; to: string };
  logTypes?: string[];
}

/**
 * Where compiled SQL will run. DuckDB reads a local lake directory and needs to know which
 * partitions exist; Athena reads Glue tables in a database.
 */
export type CompileTarget = { dialect: 'duckdb'; lakeDir: string; partitionExists: (relativeDir: string) => boolean } | { dialect: 'athena'; database: string };
