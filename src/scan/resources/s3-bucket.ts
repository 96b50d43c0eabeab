import { z } from 'zod';
import { anyList, flag, optional, resourceBase, text } from './base';

export const S3_BUCKET = 'AWS.S3.Bucket';

/** A grant as GetBucketAcl returns it. Type is CanonicalUser, AmazonCustomerByEmail or Group (AllUsers / AuthenticatedUsers by URI). */
export const s3GrantSchema = z.looseObject({
  Grantee: optional(z.looseObject({ DisplayName: text, EmailAddress: text, ID: text, Type: text, URI: text })),
  Permission: text,
});

export type S3Grant = z.infer<typeof s3GrantSchema>;

export const s3BucketSchema = z.looseObject({
  ...resourceBase(S3_BUCKET),
  /** Default encryption (GetBucketEncryption's rules); null when the bucket has none. */
  EncryptionRules: optional(
    z.array(
      z.looseObject({
        ApplyServerSideEncryptionByDefault: optional(z.looseObject({ SSEAlgorithm: text, KMSMasterKeyID: text })),
        BucketKeyEnabled: flag,
      }),
    ),
  ),
  Grants: optional(z.array(s3GrantSchema)),
  LifecycleRules: anyList,
  /** Server access logging (GetBucketLogging's LoggingEnabled); null when logging is off. */
  LoggingPolicy: optional(z.looseObject({ TargetBucket: text, TargetGrants: optional(z.array(s3GrantSchema)), TargetPrefix: text })),
  /** "Enabled" or "Disabled"; null when versioning was never configured. */
  MFADelete: text,
  ObjectLockConfiguration: optional(z.looseObject({ ObjectLockEnabled: text })),
  Owner: optional(z.looseObject({ DisplayName: text, ID: text })),
  /** The bucket policy document as the JSON string S3 returns; null when the bucket has none. */
  Policy: text,
  /** The bucket's own public access block; null when it has none (see AWS.S3.AccountPublicAccessBlock for the account's). */
  PublicAccessBlockConfiguration: optional(
    z.looseObject({ BlockPublicAcls: flag, BlockPublicPolicy: flag, IgnorePublicAcls: flag, RestrictPublicBuckets: flag }),
  ),
  /** "Enabled" or "Suspended"; null when versioning was never enabled. */
  Versioning: text,
  /** Prowl's addition: S3's own verdict on the policy (GetBucketPolicyStatus); null when unknown or there is no policy. */
  PolicyIsPublic: flag,
});

export type S3Bucket = z.infer<typeof s3BucketSchema>;
