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

type NamedBucket = Bucket & { Name: string };
/** The bucket and, with ExpectedBucketOwner, S3's refusal to describe a bucket someone else owns. */
type BucketInput = { Bucket: string; ExpectedBucketOwner: string };

/** ListBuckets names the region of each bucket; a re-scan knows only the name and asks. */
async function regionOf(bucket: NamedBucket, listing: S3Client, input: BucketInput, ctx: CollectContext): Promise<string> {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const location = await send(ctx, 'GetBucketLocation', () => listing.send(new GetBucketLocationCommand(input)));
  return regionOfLocation(location.LocationConstraint);
}

/** Every configuration a bucket policy reads, at once; a part the bucket does not configure is undefined. */
async function readConfiguration(s3: S3Client, input: BucketInput, ctx: CollectContext) {
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
  return { encryption, publicAccessBlock, acl, policy, policyStatus, versioning, logging, objectLock, tagging, lifecycle };
}

type BucketConfiguration = Awaited<ReturnType<typeof readConfiguration>>;

/** The resource in Panther's S3 bucket shape, null where a part is not configured; describeEach validates it. */
function toResource(bucket: NamedBucket, region: string, config: BucketConfiguration, ctx: CollectContext): unknown {
  const arn = bucketArn(ctx, bucket.Name);
  return {
    ResourceType: S3_BUCKET,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: region,
    Arn: arn,
    Name: bucket.Name,
    Tags: tagMap(config.tagging?.TagSet),
    TimeCreated: isoOrNull(bucket.CreationDate),
    EncryptionRules: plainOrNull(config.encryption?.ServerSideEncryptionConfiguration?.Rules),
    Grants: plainOrNull(config.acl.Grants),
    LifecycleRules: plainOrNull(config.lifecycle?.Rules),
    LoggingPolicy: plainOrNull(config.logging.LoggingEnabled),
    MFADelete: config.versioning.MFADelete ?? null,
    ObjectLockConfiguration: plainOrNull(config.objectLock?.ObjectLockConfiguration),
    Owner: plainOrNull(config.acl.Owner),
    Policy: config.policy?.Policy || null,
    PublicAccessBlockConfiguration: plainOrNull(config.publicAccessBlock?.PublicAccessBlockConfiguration),
    Versioning: config.versioning.Status ?? null,
    PolicyIsPublic: config.policy === undefined ? null : (config.policyStatus?.PolicyStatus?.IsPublic ?? null),
  };
}

function bucketArn(ctx: CollectContext, name: string): string {
  return `arn:${ctx.partition}:s3:::${name}`;
}

/** A bucket's configuration read from a client in its own region; undefined when it was deleted after the listing (gone, not an error). */
async function describeBucket(bucket: NamedBucket, clients: Pick<ScanClients, 's3' | 's3ForRegion'>, ctx: CollectContext): Promise<unknown> {
  const input = { Bucket: bucket.Name, ExpectedBucketOwner: ctx.accountId };
  try {
    const region = await regionOf(bucket, clients.s3, input, ctx);
    return toResource(bucket, region, await readConfiguration(clients.s3ForRegion(region), input, ctx), ctx);
  } catch (error) {
    if (error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchBucket'])) return undefined;
    throw error;
  }
}

function describeBuckets(buckets: NamedBucket[], clients: Pick<ScanClients, 's3' | 's3ForRegion'>, ctx: CollectContext): Promise<CollectionResult<S3Bucket>> {
  return describeEach(
    ctx,
    S3_BUCKET,
    buckets,
    (bucket) => bucketArn(ctx, bucket.Name),
    (bucket) => describeBucket(bucket, clients, ctx),
  );
}

/**
 * Every bucket of the account, wherever it lives: S3 lists buckets account-wide, and each bucket's
 * configuration is read from a client in the bucket's own region.
 */
export async function collectS3Buckets(clients: Pick<ScanClients, 's3' | 's3ForRegion'>, ctx: CollectContext): Promise<CollectionResult<S3Bucket>> {
  let buckets: NamedBucket[];
  try {
    const pages = await listAll(ctx, 'ListBuckets', paginateListBuckets, clients.s3, {}, (page) => page.ContinuationToken);
    buckets = pages.flatMap((page) => page.Buckets ?? []).filter((bucket): bucket is NamedBucket => typeof bucket.Name === 'string');
  } catch (error) {
    return listingFailed(ctx, S3_BUCKET, error);
  }
  return describeBuckets(buckets, clients, ctx);
}

/** One bucket by name, for a re-scan after a change: the listing is skipped, the bucket read where it lives. */
export function collectS3Bucket(clients: Pick<ScanClients, 's3' | 's3ForRegion'>, ctx: CollectContext, name: string): Promise<CollectionResult<S3Bucket>> {
  return describeBuckets([{ Name: name }], clients, ctx);
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
