import { DateTime } from 'luxon';
import { isProwlError } from '../../../src/errors';
import { cloudTrail } from '../../../src/logs/cloudtrail';
import type { LogType } from '../../../src/logs/log-type';
import { parseQuery } from '../../../src/search/parse-query';
import { resolveQuery } from '../../../src/search/resolve-query';
import { createSearchCatalog } from '../../../src/search/search-catalog';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../../../src/search/search-limits';
import type { SearchPlan } from '../../../src/search/search-plan';
import { testFlow } from './test-log-type';

/** CloudTrail plus a log type search has never seen. */
export const testCatalog = createSearchCatalog([cloudTrail as unknown as LogType, testFlow as unknown as LogType]);

export const NOW = DateTime.fromISO('2024-05-02T10:30:00Z', { zone: 'utc' });

export function planOf(text: string, limits: SearchLimits = DEFAULT_SEARCH_LIMITS): SearchPlan {
  return resolveQuery(parseQuery(text), { catalog: testCatalog, limits, now: NOW });
}

/** The message of the bad-input error a query raises; fails the test when it raises none. */
export function rejectionOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isProwlError(error, 'prowl_bad_input')) return error.message;
    throw error;
  }
  throw new Error('expected the query to be rejected');
}
