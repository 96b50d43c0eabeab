import { awsErrorCode, awsErrorMessage, classifyAwsError } from './aws-errors';
import { allPages, type Paginate } from './pages';
import { validateResource, type Resource, type ResourceMap, type ResourceTypeName } from './resource-types';
import { retryThrottled, type RetryOptions } from './retry';

/**
 * Why something was not collected. The scan goes on after each one; the alert flow uses them to
 * tell "passing" from "not looked at" (an alert must not resolve because its resource went unread).
 */
export interface CollectionError {
  accountId: string;
  region: string;
  /** Absent when the account itself could not be reached (AssumeRole failed). */
  resourceType?: ResourceTypeName;
  /** Absent when the listing failed: nothing of this type was collected in this account and region. */
  resourceId?: string;
  /** The AWS operation that failed, e.g. `GetBucketPolicy`. */
  operation: string;
  /** access-denied: the audit role lacks a permission (or a resource policy excludes it); throttled: retries ran out; invalid: AWS answered with a shape the schema rejects. */
  kind: 'access-denied' | 'throttled' | 'invalid' | 'failed';
  /** The AWS error code, when there is one. */
  code?: string;
  message: string;
}

export interface CollectionResult<R extends Resource = Resource> {
  resources: R[];
  errors: CollectionError[];
}

/** Where a collector runs and how it behaves; the same for every collector in one account and region. */
export interface CollectContext {
  accountId: string;
  /** The region being scanned; "global" for account-wide collectors (IAM, the S3 listing), whose clients point at the plan's home region. */
  region: string;
  /** `aws`, `aws-us-gov` or `aws-cn`, for building ARNs. */
  partition: string;
  retry: RetryOptions;
  /** Resources described at once; bounded so per-resource calls stay under API rate limits. */
  concurrency: number;
}

/** An AWS call that failed after its retries, tagged with the operation so the error can name it. */
export class AwsCallFailure extends Error {
  constructor(
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${operation}: ${awsErrorMessage(cause)}`);
  }
}

/** One AWS call, retried while throttled; failures carry the operation name. */
export async function send<T>(ctx: CollectContext, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await retryThrottled(call, ctx.retry);
  } catch (error) {
    throw new AwsCallFailure(operation, error);
  }
}

/** Every page of a listing (see pages.ts), failures tagged like `send`. */
export async function listAll<C, I extends object, P>(
  ctx: CollectContext,
  operation: string,
  paginate: Paginate<C, I, P>,
  client: C,
  input: I,
  nextToken: (page: P) => unknown,
): Promise<P[]> {
  try {
    return await allPages(paginate, client, input, nextToken, ctx.retry);
  } catch (error) {
    throw new AwsCallFailure(operation, error);
  }
}

/** Turns anything a collector threw into a collection error for its scope. */
export function collectionError(
  scope: Pick<CollectionError, 'accountId' | 'region'> & { resourceType?: ResourceTypeName; resourceId?: string },
  error: unknown,
  fallbackOperation = 'unknown',
): CollectionError {
  const failure = error instanceof AwsCallFailure ? error : undefined;
  const cause = failure ? failure.cause : error;
  const kind = classifyAwsError(cause);
  const code = awsErrorCode(cause);
  return {
    ...scope,
    operation: failure?.operation ?? fallbackOperation,
    kind: kind === 'other' ? 'failed' : kind,
    ...(code === undefined ? {} : { code }),
    message: awsErrorMessage(cause),
  };
}

/** Runs `work` over items, at most `limit` at a time, keeping the input order in the output. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Describes each listed item and validates it as a resource. A failure on one item (access denied
 * by a key policy, a bucket deleted mid-scan) becomes an error for that resource only: a resource
 * with an attribute that could not be read is left out rather than judged on missing data.
 * `describe` answers undefined for an item that is not to be reported (gone, or AWS-managed).
 */
export async function describeEach<T, N extends ResourceTypeName>(
  ctx: CollectContext,
  resourceType: N,
  items: readonly T[],
  idOf: (item: T) => string,
  describe: (item: T) => Promise<unknown>,
): Promise<CollectionResult<ResourceMap[N]>> {
  const outcomes = await mapLimit(items, ctx.concurrency, async (item): Promise<CollectionResult<ResourceMap[N]>> => {
    const resourceId = idOf(item);
    const scope = { accountId: ctx.accountId, region: ctx.region, resourceType, resourceId };
    try {
      const raw = await describe(item);
      if (raw === undefined) return { resources: [], errors: [] };
      const validated = validateResource(raw);
      if (!validated.ok) return { resources: [], errors: [{ ...scope, operation: 'validate', kind: 'invalid', message: validated.reason }] };
      if (validated.resource.ResourceType !== resourceType) {
        return {
          resources: [],
          errors: [{ ...scope, operation: 'validate', kind: 'invalid', message: `built a ${validated.resource.ResourceType}, expected a ${resourceType}` }],
        };
      }
      return { resources: [validated.resource as ResourceMap[N]], errors: [] };
    } catch (error) {
      return { resources: [], errors: [collectionError(scope, error)] };
    }
  });
  return { resources: outcomes.flatMap((o) => o.resources), errors: outcomes.flatMap((o) => o.errors) };
}

/** A collector's result when its listing failed: one error for the whole type in this account and region. */
export function listingFailed(ctx: CollectContext, resourceType: ResourceTypeName, error: unknown): CollectionResult<never> {
  return { resources: [], errors: [collectionError({ accountId: ctx.accountId, region: ctx.region, resourceType }, error)] };
}
