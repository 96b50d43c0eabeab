import { classifyAwsError } from './aws-errors';
import { backoffMs, type RetryOptions } from './retry';

/** The shape of an SDK v3 paginator (`paginateListUsers`, `paginateDescribeVpcs`, …). */
export type Paginate<C, I, P> = (config: { client: C; startingToken?: unknown }, input: I) => AsyncIterable<P>;

/**
 * Reads every page of a listing with the SDK paginator. When a page is throttled the paginator
 * stops; this resumes it from the token of the page that failed, after a backoff, so a long
 * listing neither restarts from page one nor loses the pages already read.
 */
export async function allPages<C, I extends object, P>(
  paginate: Paginate<C, I, P>,
  client: C,
  input: I,
  nextToken: (page: P) => unknown,
  retry: RetryOptions,
): Promise<P[]> {
  const pages: P[] = [];
  let token: unknown;
  let throttles = 0;
  for (;;) {
    try {
      // A fresh input each time: paginators write the page token into the input object they are given.
      const config = token === undefined ? { client } : { client, startingToken: token };
      for await (const page of paginate(config, { ...input })) {
        pages.push(page);
        throttles = 0;
        token = nextToken(page);
      }
      return pages;
    } catch (error) {
      throttles += 1;
      if (throttles >= retry.maxAttempts || classifyAwsError(error) !== 'throttled') throw error;
      await retry.sleep(backoffMs(throttles, retry));
    }
  }
}
