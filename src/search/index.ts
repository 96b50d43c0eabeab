/** Log search: the query language, its compiler, the backends and result formatting. */
export { createAthenaBackend, type AthenaBackendOptions } from './athena-backend';
export type { CompileTarget, CompiledQuery, SearchDialect } from './compiled-query';
export { compileQuery } from './compile-query';
// The DuckDB backend is not re-exported: it loads a native module that only laptops have, so
// code that runs in Lambda must import it on demand (see src/jobs/search-service.ts).
export type { DuckDbBackend, DuckDbBackendOptions } from './duckdb-backend';
export { formatCsv } from './format-csv';
export { formatTextTable, type TableOptions } from './format-table';
export { INDICATOR_ALIASES } from './indicator-aliases';
export { localPartitionExists } from './lake-paths';
export { parseQuery } from './parse-query';
export type { QueryNode } from './query-ast';
export { compileReadOnlySql, validateReadOnlySql } from './read-only-sql';
export { resolveQuery } from './resolve-query';
export { summarizeResult } from './result-summary';
export { compileSearch, runSearch, type SearchOptions } from './search';
export type { RunOptions, SearchBackend, SearchResult, SearchValue } from './search-backend';
export { createSearchCatalog, type SearchCatalog } from './search-catalog';
export { DEFAULT_SEARCH_LIMITS, searchLimitsSchema, type SearchLimits } from './search-limits';
