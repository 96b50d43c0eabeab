import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  paginateListBuckets,
  type Bucket,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plainOrNull, tagMap } from '../resources/base';
import { S3_BUCKET, type S3Bucket } from '../resources/s3-bucket';

/** GetBucketLocation's legacy answers: no constraint is us-east-1, "EU" is eu-west-1. */
function regionOfLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** Runs a call whose "not configured" answer is an error code; that answer becomes `absent`. */
async function optional<T, A>(ctx: CollectContext, operation: string, absentCodes: readonly string[], absent: A, call: () => Promise<T>): Promise<T | A> {
  try {
    return await send(ctx, operation, call);
  } catch (error) {
    if (error instanceof AwsCallFailure && isAbsent(error.cause, absentCodes)) return absent;
    throw error;
  }
}

async function describeBucket(
  bucket: Bucket & { Name: string },
  s3ForRegion: (region: string) => S3Client,
  listing: S3Client,
  ctx: CollectContext,
): Promise<unknown> {
  const Bucket = bucket.Name;
  // ExpectedBucketOwner makes S3 refuse instead of describing a bucket someone else owns.
  const input = { Bucket, ExpectedBucketOwner: ctx.accountId };
  const region =
    bucket.BucketRegion ?? regionOfLocation((await send(ctx, 'GetBucketLocation', () => listing.send(new GetBucketLocationCommand(input)))).LocationConstraint);
  const s3 = s3ForRegion(region);

  const [encryption, publicAccessBlock, acl, policy, policyStatus, versioning, logging, objectLock, tagging, lifecycle] = await Promise.all([
    optional(ctx, 'GetBucketEncryption', ['ServerSideEncryptionConfigurationNotFoundError'], undefined, () => s3.send(new GetBucketEncryptionCommand(input))),
    optional(ctx, 'GetPublicAccessBlock', ['NoSuchPublicAccessBlockConfiguration'], undefined, () => s3.send(new GetPublicAccessBlockCommand(input))),
    send(ctx, 'GetBucketAcl', () => s3.send(new GetBucketAclCommand(input))),
    optional(ctx, 'GetBucketPolicy', ['NoSuchBucketPolicy'], undefined, () => s3.send(new GetBucketPolicyCommand(input))),
    optional(ctx, 'GetBucketPolicyStatus', ['NoSuchBucketPolicy'], undefined, () => s3.send(new GetBucketPolicyStatusCommand(input))),
    send(ctx, 'GetBucketVersioning', () => s3.send(new GetBucketVersioningCommand(input))),
    send(ctx, 'GetBucketLogging', () => s3.send(new GetBucketLoggingCommand(input))),
    optional(ctx, 'GetObjectLockConfiguration', ['ObjectLockConfigurationNotFoundError'], undefined, () =>
      s3.send(new GetObjectLockConfigurationCommand(input)),
    ),
    optional(ctx, 'GetBucketTagging', ['NoSuchTagSet'], undefined, () => s3.send(new GetBucketTaggingCommand(input))),
    optional(ctx, 'GetBucketLifecycleConfiguration', ['NoSuchLifecycleConfiguration'], undefined, () =>
      s3.send(new GetBucketLifecycleConfigurationCommand(input)),
    ),
  ]);

  const arn = `arn:${ctx.partition}:s3:::${Bucket}`;
  return {
    ResourceType: S3_BUCKET,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: region,
    Arn: arn,
    Name: Bucket,
    Tags: tagMap(tagging?.TagSet),
    TimeCreated: isoOrNull(bucket.CreationDate),
    EncryptionRules: plainOrNull(encryption?.ServerSideEncryptionConfiguration?.Rules),
    Grants: plainOrNull(acl.Grants),
    LifecycleRules: plainOrNull(lifecycle?.Rules),
    LoggingPolicy: plainOrNull(logging.LoggingEnabled),
    MFADelete: versioning.MFADelete ?? null,
    ObjectLockConfiguration: plainOrNull(objectLock?.ObjectLockConfiguration),
    Owner: plainOrNull(acl.Owner),
    Policy: policy?.Policy || null,
    PublicAccessBlockConfiguration: plainOrNull(publicAccessBlock?.PublicAccessBlockConfiguration),
    Versioning: versioning.Status ?? null,
    PolicyIsPublic: policy === undefined ? null : (policyStatus?.PolicyStatus?.IsPublic ?? null),
  };
}

/**
 * Every bucket of the account, wherever it lives: S3 lists buckets account-wide, and each bucket's
 * configuration is read from a client in the bucket's own region.
 */
export async function collectS3Buckets(clients: Pick<ScanClients, 's3' | 's3ForRegion'>, ctx: CollectContext): Promise<CollectionResult<S3Bucket>> {
  let buckets: Array<Bucket & { Name: string }>;
  try {
    const pages = await listAll(ctx, 'ListBuckets', paginateListBuckets, clients.s3, {}, (page) => page.ContinuationToken);
    buckets = pages.flatMap((page) => page.Buckets ?? []).filter((bucket): bucket is Bucket & { Name: string } => typeof bucket.Name === 'string');
  } catch (error) {
    return listingFailed(ctx, S3_BUCKET, error);
  }
  return describeEach(
    ctx,
    S3_BUCKET,
    buckets,
    (bucket) => `arn:${ctx.partition}:s3:::${bucket.Name}`,
    async (bucket) => {
      try {
        return await describeBucket(bucket, clients.s3ForRegion, clients.s3, ctx);
      } catch (error) {
        // Deleted between the listing and the describe: gone, not an error.
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchBucket'])) return undefined;
        throw error;
      }
    },
  );
}

/** One bucket by name, for a re-scan after a change: the listing is skipped, the bucket read where it lives. */
export async function collectS3Bucket(
  clients: Pick<ScanClients, 's3' | 's3ForRegion'>,
  ctx: CollectContext,
  name: string,
): Promise<CollectionResult<S3Bucket>> {
  return describeEach(
    ctx,
    S3_BUCKET,
    [{ Name: name }],
    (bucket) => `arn:${ctx.partition}:s3:::${bucket.Name}`,
    async (bucket) => {
      try {
        return await describeBucket(bucket, clients.s3ForRegion, clients.s3, ctx);
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchBucket'])) return undefined;
        throw error;
      }
    },
  );
}

export const s3BucketCollector: Collector<typeof S3_BUCKET> = {
  resourceType: S3_BUCKET,
  scope: 'account',
  permissions: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    's3:GetEncryptionConfiguration',
    's3:GetBucketPublicAccessBlock',
    's3:GetBucketAcl',
    's3:GetBucketPolicy',
    's3:GetBucketPolicyStatus',
    's3:GetBucketVersioning',
    's3:GetBucketLogging',
    's3:GetBucketObjectLockConfiguration',
    's3:GetBucketTagging',
    's3:GetLifecycleConfiguration',
  ],
  collect: collectS3Buckets,
  collectOne: collectS3Bucket,
};
