import type { ScanOutcome } from '../alerts/policy-alerts';
import { logger } from '../logger';
import type { RescanTarget } from '../scan/rescan-target';
import { createRescanRunner, createScanRunner } from '../scan/run-scan';
import { createScanClientFactory } from '../scan/scan-clients';
import { createSearchCatalog } from '../search';
import { athenaSearch, duckDbOverS3Search, type SearchService } from '../search/search-service';
import type { Services } from './services';

/** The scan use cases a process runs: a scan narrowed as asked, and the re-scan of one changed resource. */
export interface ScanRunners {
  scan(only: { accountId?: string; resourceType?: string }): Promise<ScanOutcome>;
  rescan(target: RescanTarget): Promise<ScanOutcome | undefined>;
}

/**
 * Built once per process by the functions that scan (scan, jobs), not by createServices: only they
 * warn at start about the settings the policies need and find empty, and only their bundles carry
 * the SDK clients of every scanned service (the factory builds them per assumed-role session).
 */
export function createScanRunners(services: Services): ScanRunners {
  const deps = { ...services, scan: { sts: services.clients.sts, clients: createScanClientFactory() } };
  return {
    scan: createScanRunner(services.scanPlan, deps, (message) => logger.warn(message)),
    rescan: createRescanRunner(services.scanPlan, deps),
  };
}

/** Searches over the lake: Athena in AWS, DuckDB over the lake bucket on a laptop; custom log types are searchable like the built-in ones. */
export function createSearchService(services: Pick<Services, 'runtime' | 'clients' | 'logTypes' | 'now'>): SearchService {
  const { runtime, clients, now } = services;
  const searchCatalog = createSearchCatalog(services.logTypes.all());
  return runtime.search.backend === 'athena'
    ? athenaSearch({
        athena: clients.athena,
        workGroup: runtime.search.workGroup,
        database: runtime.search.database,
        searchCatalog,
        now,
        // Listed before a search to estimate its scan against the workgroup's cap.
        lake: { s3: clients.s3, bucket: runtime.buckets.lake },
      })
    : duckDbOverS3Search({ s3: clients.s3, bucket: runtime.buckets.lake, searchCatalog, now });
}
