import { GetFunctionUrlConfigCommand, GetPolicyCommand, paginateListFunctions, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain } from '../resources/base';
import { LAMBDA_FUNCTION, type LambdaFunction } from '../resources/lambda-function';

type NamedFunction = FunctionConfiguration & { FunctionName: string; FunctionArn: string };

/** Runs a call whose "not configured" answer is ResourceNotFoundException; that answer becomes null. */
async function unlessMissing<T>(ctx: CollectContext, operation: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await send(ctx, operation, call);
  } catch (error) {
    if (error instanceof AwsCallFailure && isAbsent(error.cause, ['ResourceNotFoundException'])) return null;
    throw error;
  }
}

/** Every function with its resource policy and function URL, if any. */
export async function collectLambdaFunctions(clients: Pick<ScanClients, 'lambda'>, ctx: CollectContext): Promise<CollectionResult<LambdaFunction>> {
  let functions: NamedFunction[];
  try {
    const pages = await listAll(ctx, 'ListFunctions', paginateListFunctions, clients.lambda, {}, (page) => page.NextMarker);
    functions = pages
      .flatMap((page) => page.Functions ?? [])
      .filter((fn): fn is NamedFunction => typeof fn.FunctionName === 'string' && typeof fn.FunctionArn === 'string');
  } catch (error) {
    return listingFailed(ctx, LAMBDA_FUNCTION, error);
  }
  return describeEach(
    ctx,
    LAMBDA_FUNCTION,
    functions,
    (fn) => fn.FunctionArn,
    async (fn) => {
      const FunctionName = fn.FunctionName;
      const [policy, url] = await Promise.all([
        unlessMissing(ctx, 'GetPolicy', () => clients.lambda.send(new GetPolicyCommand({ FunctionName }))),
        unlessMissing(ctx, 'GetFunctionUrlConfig', () => clients.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName }))),
      ]);
      return {
        ...(plain(fn) as object),
        ResourceType: LAMBDA_FUNCTION,
        ResourceId: fn.FunctionArn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: fn.FunctionArn,
        Name: FunctionName,
        Tags: null,
        TimeCreated: null,
        Policy: policy ? plain(policy) : null,
        FunctionUrlConfig: url ? plain(url) : null,
      };
    },
  );
}

export const lambdaFunctionCollector: Collector<typeof LAMBDA_FUNCTION> = {
  resourceType: LAMBDA_FUNCTION,
  scope: 'region',
  permissions: ['lambda:ListFunctions', 'lambda:GetPolicy', 'lambda:GetFunctionUrlConfig'],
  collect: collectLambdaFunctions,
};
