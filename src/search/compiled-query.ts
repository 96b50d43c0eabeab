import type { DateTime } from 'luxon';
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
  /**
   * DuckDB only: what the query reads once partitions are pruned, as absolute paths: the JSON
   * partition directories (every file in each is read whole) and the compacted Parquet files
   * (of which only the chunks of `columns` are read). The backend turns it into bytes scanned.
   */
  reads?: { jsonDirectories: string[]; parquetFiles: string[]; columns: string[] };
}

/**
 * Where compiled SQL will run. DuckDB reads a local lake directory and needs to know which
 * partitions exist; Athena reads Glue tables in a database.
 */
export type CompileTarget =
  | {
      dialect: 'duckdb';
      lakeDir: string;
      partitionExists: (relativeDir: string) => boolean;
      /** Whether a table's hour is compacted (read from its Parquet file instead of its JSON); none when absent. */
      compactedHour?: CompactedHour;
    }
  | {
      dialect: 'athena';
      database: string;
      /** Compacted hours are read from the `<table>_parquet` Glue table, the others from `<table>`; none when absent. */
      compactedHour?: CompactedHour;
    };

/** Decided before compiling (from the hours' compaction markers), so compiling stays synchronous. */
export type CompactedHour = (table: string, hour: DateTime) => boolean;
