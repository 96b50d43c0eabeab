import type { DateTime } from 'luxon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { compileQuery, compileReadOnlySql, createAthenaBackend, createSearchCatalog, runSearch, type DuckDbBackend } from '.';
import { planSearch } from './search';
import type { CompiledQuery, SearchCatalog, SearchResult } from '.';
import { logger } from '../logger';
import { workGroupScanCap } from './athena-backend';
import { checkScanEstimate, estimateScan } from './athena-scan-estimate';
import { compactedHoursIn } from '../lake/compacted-hours';
import { compactedMarkerKey, parquetHourPrefix } from '../lake/lake-layout';
import { s3LakeStorage } from '../lake/lake-storage';
import { snapshotObjects, snapshotPartitions } from './lake-snapshot';

/** What a search on the scratch lake reads: whole partitions (prefixes) and single objects (compaction markers). */
interface LakeReads {
  prefixes: string[];
  keys?: string[];
}

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
  /** The lake bucket: its markers say which hours are compacted (read from the `_parquet` tables), and its listing estimates a search's scan. */
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
      const plan = planSearch(query, { catalog, now: now() });
      // Markers that cannot be listed leave every hour on JSON (kept 30 days by default): complete for
      // recent searches, and the warning says why an older one may come back short.
      const compactedHour = lake
        ? await compactedHoursIn(
            s3LakeStorage(lake.s3, lake.bucket),
            plan.sources.map((source) => source.table),
            plan.range,
          ).catch((error: unknown) => {
            logger.warn('search: could not list the compacted hours; reading JSON for every hour', { error: String(error) });
            return undefined;
          })
        : undefined;
      const compiled = compileQuery(plan, { ...backend.target, ...(compactedHour ? { compactedHour } : {}) });
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
 * just those (JSON and compacted) into a scratch directory, then compile against it and run.
 */
export function duckDbOverS3Search(options: { s3: S3Client; bucket: string; searchCatalog?: SearchCatalog; now: () => DateTime }): SearchService {
  const catalog = options.searchCatalog ?? createSearchCatalog();
  /** Copies what a query reads into a scratch lake, runs it there, and cleans up. */
  async function inScratchLake<T>(reads: (lakeDir: string) => LakeReads, run: (backend: DuckDbBackend) => Promise<T>): Promise<T> {
    const scratch = await mkdtemp(join(tmpdir(), 'prowl-search-'));
    try {
      const { prefixes, keys = [] } = reads(scratch);
      await snapshotPartitions(options.s3, options.bucket, prefixes, scratch);
      await snapshotObjects(options.s3, options.bucket, keys, scratch);
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
      // Compacted hours from their markers: one listing per table, from the range's first hour on.
      const compacted = await compactedHoursIn(
        s3LakeStorage(options.s3, options.bucket),
        plan.sources.map((source) => source.table),
        plan.range,
      );
      return inScratchLake(
        (lakeDir) => {
          const wanted: string[] = [];
          const markers: string[] = [];
          // The JSON of every hour (a late file is read from there), the Parquet of compacted ones:
          // which layout the search reads is decided on the copy, by the marker.
          const target = {
            dialect: 'duckdb' as const,
            lakeDir,
            partitionExists: (dir: string) => (wanted.push(dir), false),
            compactedHour: (table: string, hour: DateTime) => {
              if (compacted(table, hour)) {
                wanted.push(parquetHourPrefix(table, hour));
                markers.push(compactedMarkerKey(table, hour));
              }
              return false;
            },
          };
          compileQuery(plan, target);
          return { prefixes: wanted, keys: markers };
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
        () => ({ prefixes: tables.map((table) => `logs/${table}`) }),
        async (backend) => ({ compiled, result: await backend.run(compiled, SEARCH_RUN) }),
      );
    },
  };
}
