import type { DateTime } from 'luxon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { compileQuery, compileReadOnlySql, createAthenaBackend, createSearchCatalog, runSearch, type DuckDbBackend } from '.';
import type { CompactedHour } from './compiled-query';
import { planSearch } from './search';
import type { TimeRange } from './time-range';
import type { CompiledQuery, SearchCatalog, SearchResult } from '.';
import { compactedHoursIn } from '../lake/compacted-hours';
import { parquetHourPrefix } from '../lake/lake-layout';
import { s3LakeStorage } from '../lake/lake-storage';
import { snapshotPartitions } from './lake-snapshot';

export interface SearchOutcome {
  compiled: CompiledQuery;
  result: SearchResult;
}

/** Runs a query-language search wherever the lake is: Athena in AWS, DuckDB on a laptop. */
export interface SearchService {
  search(query: string): Promise<SearchOutcome>;
  /** An admin's read-only SQL (validated again by the backend). */
  sql(statement: string): Promise<SearchOutcome>;
}

export const SEARCH_RUN = { timeoutMs: 60_000, maxRows: 10_000 };

/**
 * Loaded only when a laptop searches: DuckDB's native module is not in the Lambda bundles. A plain
 * require, not import(): `bin/prowl.js` runs the sources through tsx's CommonJS hook, under which
 * a dynamic import() of a .ts path is not resolved (jest rewrites it, so only the real CLI saw it).
 */
function loadDuckDbBackend(): typeof import('./duckdb-backend') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./duckdb-backend') as typeof import('./duckdb-backend');
}

export function athenaSearch(options: {
  athena: AthenaClient;
  workGroup: string;
  database: string;
  searchCatalog?: SearchCatalog;
  now: () => DateTime;
  /** The lake's compacted hours (from their markers): read from the `_parquet` tables. None are, without it. */
  compactedHours?: (tables: readonly string[], range: TimeRange) => Promise<CompactedHour>;
}): SearchService {
  const { searchCatalog, now, compactedHours, ...athena } = options;
  const backend = createAthenaBackend(athena);
  const catalog = searchCatalog ?? createSearchCatalog();
  return {
    async search(query) {
      if (!compactedHours) return runSearch(query, backend, { ...SEARCH_RUN, catalog, now: now() });
      const plan = planSearch(query, { catalog, now: now() });
      const compactedHour = await compactedHours(
        plan.sources.map((source) => source.table),
        plan.range,
      );
      const compiled = compileQuery(plan, { ...backend.target, compactedHour });
      return { compiled, result: await backend.run(compiled, SEARCH_RUN) };
    },
    async sql(statement) {
      const compiled = compileReadOnlySql(statement, 'athena');
      return { compiled, result: await backend.run(compiled, SEARCH_RUN) };
    },
  };
}

/**
 * DuckDB over the lake in S3: compile once to learn which partitions the time range covers, copy
 * just those (JSON and compacted) into a scratch directory, then compile against it and run.
 */
export function duckDbOverS3Search(options: { s3: S3Client; bucket: string; searchCatalog?: SearchCatalog; now: () => DateTime }): SearchService {
  const catalog = options.searchCatalog ?? createSearchCatalog();
  /** Copies what a query reads into a scratch lake, runs it there, and cleans up. */
  async function inScratchLake<T>(prefixes: (lakeDir: string) => string[], run: (backend: DuckDbBackend) => Promise<T>): Promise<T> {
    const scratch = await mkdtemp(join(tmpdir(), 'prowl-search-'));
    try {
      await snapshotPartitions(options.s3, options.bucket, prefixes(scratch), scratch);
      const { createDuckDbBackend } = loadDuckDbBackend();
      const backend = createDuckDbBackend({ lakeDir: scratch, catalog });
      try {
        return await run(backend);
      } finally {
        backend.close();
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  return {
    async search(query) {
      // One instant for both compilations, so the partitions copied are the ones the search reads.
      const now = options.now();
      const plan = planSearch(query, { catalog, now });
      // Compacted hours from their markers, one listing per table and month rather than one per hour.
      const compacted = await compactedHoursIn(
        s3LakeStorage(options.s3, options.bucket),
        plan.sources.map((source) => source.table),
        plan.range,
      );
      return inScratchLake(
        (lakeDir) => {
          const wanted: string[] = [];
          // The JSON of every hour (a late file is read from there), the Parquet of compacted ones:
          // which layout the search reads is decided on the copy, by the marker.
          const target = {
            dialect: 'duckdb' as const,
            lakeDir,
            partitionExists: (dir: string) => (wanted.push(dir), false),
            compactedHour: (table: string, hour: DateTime) => (compacted(table, hour) && wanted.push(parquetHourPrefix(table, hour)), false),
          };
          compileQuery(plan, target);
          return wanted;
        },
        (backend) => runSearch(query, backend, { ...SEARCH_RUN, catalog, now }),
      );
    },
    sql: (statement) => {
      const compiled = compileReadOnlySql(statement, 'duckdb');
      // Admin SQL names whole tables; copy every file of the ones it mentions.
      const words = new Set(statement.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []);
      const tables = catalog.logTypes.map((logType) => logType.table).filter((table) => words.has(table));
      return inScratchLake(
        () => tables.map((table) => `logs/${table}`),
        async (backend) => ({ compiled, result: await backend.run(compiled, SEARCH_RUN) }),
      );
    },
  };
}
