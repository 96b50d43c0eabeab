import type { DateTime } from 'luxon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { compileReadOnlySql, compileSearch, createAthenaBackend, createSearchCatalog, runSearch, type DuckDbBackend } from '.';
import type { CompiledQuery, SearchCatalog, SearchResult } from '.';
import { logger } from '../logger';
import { workGroupScanCap } from './athena-backend';
import { checkScanEstimate, estimateScan } from './athena-scan-estimate';
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

/**
 * Searches on Athena. Given the lake (`s3`, `bucket`), a search is first held to the workgroup's
 * bytes-scanned cap by an estimate of what it would read, and refused with a narrower suggestion
 * when it is over (src/search/athena-scan-estimate.ts).
 */
export function athenaSearch(options: {
  athena: AthenaClient;
  workGroup: string;
  database: string;
  searchCatalog?: SearchCatalog;
  now: () => DateTime;
  lake?: { s3: S3Client; bucket: string };
}): SearchService {
  const { searchCatalog, now, lake, ...athena } = options;
  const backend = createAthenaBackend(athena);
  const catalog = searchCatalog ?? createSearchCatalog();
  // Read once per process; a workgroup without a cap (or one that cannot be read) skips the check, and Athena still enforces its own.
  let cap: Promise<number | undefined> | undefined;
  const scanCap = (): Promise<number | undefined> =>
    (cap ??= workGroupScanCap(athena.athena, athena.workGroup).catch((error: unknown) => {
      logger.warn('search: could not read the workgroup scan cap; searches run unchecked until it can be read', { error: String(error) });
      cap = undefined;
      return undefined;
    }));
  return {
    async search(query) {
      const at = now();
      const compiled = compileSearch(query, backend.target, { catalog, now: at });
      const limit = lake ? await scanCap() : undefined;
      if (lake && limit !== undefined) {
        // A listing that fails (S3 throttling) must not fail the search: Athena still stops it at the cap.
        const estimate = await estimateScan(compiled, { ...lake, stopAboveBytes: limit }).catch((error: unknown) => {
          logger.warn('search: could not estimate the bytes a search would scan; running it unchecked', { error: String(error) });
          return undefined;
        });
        if (estimate) checkScanEstimate(compiled, estimate, limit);
      }
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
 * just those into a scratch directory, then compile against it and run.
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
    search: (query) => {
      // One instant for both compilations, so the partitions copied are the ones the search reads.
      const now = options.now();
      return inScratchLake(
        (lakeDir) => {
          const wanted: string[] = [];
          compileSearch(query, { dialect: 'duckdb', lakeDir, partitionExists: (dir) => (wanted.push(dir), false) }, { catalog, now });
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
