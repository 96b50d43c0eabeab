import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plainOrNull } from '../resources/base';
import { S3_ACCOUNT_BLOCK, type S3AccountBlock } from '../resources/account-meta';
import { metaResourceId } from './ec2-account-settings';

/**
 * The account-wide S3 Block Public Access settings (s3control GetPublicAccessBlock), one per
 * account. An account that never set them has none: that is null, not an error.
 */
export async function collectS3AccountPublicAccessBlock(
  clients: Pick<ScanClients, 's3control'>,
  ctx: CollectContext,
): Promise<CollectionResult<S3AccountBlock>> {
  let block: unknown;
  try {
    let configuration: unknown = null;
    try {
      const answer = await send(ctx, 'GetPublicAccessBlock', () => clients.s3control.send(new GetPublicAccessBlockCommand({ AccountId: ctx.accountId })));
      configuration = plainOrNull(answer?.PublicAccessBlockConfiguration);
    } catch (error) {
      if (!(error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchPublicAccessBlockConfiguration']))) throw error;
    }
    block = {
      ResourceType: S3_ACCOUNT_BLOCK,
      ResourceId: metaResourceId(ctx, S3_ACCOUNT_BLOCK),
      AccountId: ctx.accountId,
      Region: ctx.region,
      PublicAccessBlockConfiguration: configuration,
    };
  } catch (error) {
    return listingFailed(ctx, S3_ACCOUNT_BLOCK, error);
  }
  return describeEach(
    ctx,
    S3_ACCOUNT_BLOCK,
    [block],
    () => metaResourceId(ctx, S3_ACCOUNT_BLOCK),
    async (resource) => resource,
  );
}

export const s3AccountPublicAccessBlockCollector: Collector<typeof S3_ACCOUNT_BLOCK> = {
  resourceType: S3_ACCOUNT_BLOCK,
  scope: 'account',
  permissions: ['s3:GetAccountPublicAccessBlock'],
  collect: collectS3AccountPublicAccessBlock,
};
