import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
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
import { isoOrNull, tagMap } from '../resources/base';
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

function parsePolicy(text: string | undefined, bucket: string): Record<string, unknown> | null {
  if (text === undefined || text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AwsCallFailure('GetBucketPolicy', new Error(`the policy of bucket ${bucket} is not a JSON object`));
}

async function describeBucket(bucket: Bucket & { Name: string }, s3ForRegion: (region: string) => S3Client, listing: S3Client, ctx: CollectContext): Promise<S3Bucket | undefined> {
  const Bucket = bucket.Name;
  // ExpectedBucketOwner makes S3 refuse instead of describing a bucket someone else owns.
  const input = { Bucket, ExpectedBucketOwner: ctx.accountId };
  const region = bucket.BucketRegion ?? regionOfLocation((await send(ctx, 'GetBucketLocation', () => listing.send(new GetBucketLocationCommand(input)))).LocationConstraint);
  const s3 = s3ForRegion(region);

  const [encryption, publicAccessBlock, acl, policy, policyStatus, versioning, logging, objectLock, tagging] = await Promise.all([
    optional(ctx, 'GetBucketEncryption', ['ServerSideEncryptionConfigurationNotFoundError'], undefined, () => s3.send(new GetBucketEncryptionCommand(input))),
    optional(ctx, 'GetPublicAccessBlock', ['NoSuchPublicAccessBlockConfiguration'], undefined, () => s3.send(new GetPublicAccessBlockCommand(input))),
    send(ctx, 'GetBucketAcl', () => s3.send(new GetBucketAclCommand(input))),
    optional(ctx, 'GetBucketPolicy', ['NoSuchBucketPolicy'], undefined, () => s3.send(new GetBucketPolicyCommand(input))),
    optional(ctx, 'GetBucketPolicyStatus', ['NoSuchBucketPolicy'], undefined, () => s3.send(new GetBucketPolicyStatusCommand(input))),
    send(ctx, 'GetBucketVersioning', () => s3.send(new GetBucketVersioningCommand(input))),
    send(ctx, 'GetBucketLogging', () => s3.send(new GetBucketLoggingCommand(input))),
    optional(ctx, 'GetObjectLockConfiguration', ['ObjectLockConfigurationNotFoundError'], undefined, () => s3.send(new GetObjectLockConfigurationCommand(input))),
    optional(ctx, 'GetBucketTagging', ['NoSuchTagSet'], undefined, () => s3.send(new GetBucketTaggingCommand(input))),
  ]);

  const pab = publicAccessBlock?.PublicAccessBlockConfiguration;
  const lock = objectLock?.ObjectLockConfiguration;
  const retention = lock?.Rule?.DefaultRetention;
  const versioningStatus = versioning.Status === 'Enabled' || versioning.Status === 'Suspended' ? versioning.Status : null;
  return {
    ResourceType: S3_BUCKET,
    ResourceId: `arn:${ctx.partition}:s3:::${Bucket}`,
    AccountId: ctx.accountId,
    Region: region,
    Tags: tagMap(tagging?.TagSet),
    TimeCreated: isoOrNull(bucket.CreationDate),
    Name: Bucket,
    Owner: acl.Owner ? { ID: acl.Owner.ID ?? null, DisplayName: acl.Owner.DisplayName ?? null } : null,
    EncryptionRules: (encryption?.ServerSideEncryptionConfiguration?.Rules ?? []).flatMap((rule) =>
      rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm
        ? [
            {
              SSEAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm,
              KMSMasterKeyID: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID ?? null,
              BucketKeyEnabled: rule.BucketKeyEnabled ?? false,
            },
          ]
        : [],
    ),
    // A block with a flag left unset blocks nothing for that flag, as S3 reads it.
    PublicAccessBlock: pab
      ? {
          BlockPublicAcls: pab.BlockPublicAcls ?? false,
          IgnorePublicAcls: pab.IgnorePublicAcls ?? false,
          BlockPublicPolicy: pab.BlockPublicPolicy ?? false,
          RestrictPublicBuckets: pab.RestrictPublicBuckets ?? false,
        }
      : null,
    Grants: (acl.Grants ?? []).map((grant) => ({
      Grantee: {
        Type: grant.Grantee?.Type ?? 'Unknown',
        ID: grant.Grantee?.ID ?? null,
        URI: grant.Grantee?.URI ?? null,
        DisplayName: grant.Grantee?.DisplayName ?? null,
        EmailAddress: grant.Grantee?.EmailAddress ?? null,
      },
      Permission: grant.Permission ?? 'Unknown',
    })),
    Policy: parsePolicy(policy?.Policy, Bucket),
    PolicyIsPublic: policy === undefined ? null : (policyStatus?.PolicyStatus?.IsPublic ?? null),
    Versioning: { Status: versioningStatus, MFADelete: versioning.MFADelete === 'Enabled' },
    Logging: logging.LoggingEnabled?.TargetBucket
      ? { TargetBucket: logging.LoggingEnabled.TargetBucket, TargetPrefix: logging.LoggingEnabled.TargetPrefix ?? '' }
      : null,
    ObjectLock: lock
      ? {
          Enabled: lock.ObjectLockEnabled === 'Enabled',
          DefaultRetention: retention ? { Mode: retention.Mode ?? null, Days: retention.Days ?? null, Years: retention.Years ?? null } : null,
        }
      : null,
    CreationDate: isoOrNull(bucket.CreationDate),
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
  ],
  collect: collectS3Buckets,
};
