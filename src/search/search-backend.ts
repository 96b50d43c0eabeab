import type { CompileTarget, CompiledQuery } from './compiled-query';

/** A result cell: JSON-shaped, so it can go to Slack, CSV or JSON lines unchanged. */
export type SearchValue = string | number | boolean | null | SearchValue[] | { [key: string]: SearchValue };

export interface SearchResult {
  columns: string[];
  rows: SearchValue[][];
  rowCount: number;
  /** True when the query had more rows than maxRows; the rows are the first maxRows. */
  truncated: boolean;
  /** What the engine read: Athena's own count (what it bills); for DuckDB, the bytes of the files (or Parquet columns) it had to read. */
  bytesScanned: number;
  elapsedMs: number;
}

export interface RunOptions {
  /** The query is stopped after this long and the run fails with a timeout error. */
  timeoutMs: number;
  /** At most this many rows are read back. */
  maxRows: number;
}

/**
 * Where compiled SQL runs: DuckDB over a local lake, or Athena. A backend says which target it
 * compiles for, so callers compile once against `backend.target` and never pick a dialect.
 */
export interface SearchBackend {
  readonly target: CompileTarget;
  run(compiled: CompiledQuery, options: RunOptions): Promise<SearchResult>;
}
