import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { S3Client } from '@aws-sdk/client-s3';
import { compileSearch, createAthenaBackend, createDuckDbBackend, runSearch } from '../search';
import type { CompiledQuery, SearchResult } from '../search';
import { snapshotPartitions } from './lake-snapshot';

export interface SearchOutcome {
  compiled: CompiledQuery;
  result: SearchResult;
}

/** Runs a query-language search wherever the lake is: Athena in AWS, DuckDB on a laptop. */
export interface SearchService {
  search(query: string): Promise<SearchOutcome>;
}

export const SEARCH_RUN = { timeoutMs: 60_000, maxRows: 10_000 };

export function athenaSearch(options: { athena: AthenaClient; workGroup: string; database: string }): SearchService {
  const backend = createAthenaBackend(options);
  return { search: (query) => runSearch(query, backend, SEARCH_RUN) };
}

/**
 * DuckDB over the lake in S3: compile once to learn which partitions the time range covers, copy
 * just those into a scratch directory, then compile against it and run.
 */
export function duckDbOverS3Search(options: { s3: S3Client; bucket: string }): SearchService {
  return {
    async search(query) {
      const scratch = await mkdtemp(join(tmpdir(), 'prowl-search-'));
      try {
        const wanted: string[] = [];
        compileSearch(query, { dialect: 'duckdb', lakeDir: scratch, partitionExists: (dir) => (wanted.push(dir), false) });
        await snapshotPartitions(options.s3, options.bucket, wanted, scratch);
        const backend = createDuckDbBackend({ lakeDir: scratch });
        try {
          return await runSearch(query, backend, SEARCH_RUN);
        } finally {
          backend.close();
        }
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
}

