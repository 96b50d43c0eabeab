import { z } from 'zod';
import { resourceBase, timestampSchema } from './base';

export const S3_BUCKET = 'AWS.S3.Bucket';

const granteeSchema = z.strictObject({
  /** CanonicalUser, AmazonCustomerByEmail or Group (AllUsers / AuthenticatedUsers / LogDelivery by URI). */
  Type: z.string(),
  ID: z.string().nullable(),
  URI: z.string().nullable(),
  DisplayName: z.string().nullable(),
  EmailAddress: z.string().nullable(),
});

export const s3BucketSchema = z.strictObject({
  ...resourceBase(S3_BUCKET),
  Name: z.string().min(1),
  Owner: z.strictObject({ ID: z.string().nullable(), DisplayName: z.string().nullable() }).nullable(),
  /** Default encryption rules; empty when the bucket has no default encryption configured. */
  EncryptionRules: z.array(
    z.strictObject({
      SSEAlgorithm: z.string(),
      KMSMasterKeyID: z.string().nullable(),
      BucketKeyEnabled: z.boolean(),
    }),
  ),
  /** Null when the bucket has no public access block of its own (the account-level block is not read). */
  PublicAccessBlock: z
    .strictObject({
      BlockPublicAcls: z.boolean(),
      IgnorePublicAcls: z.boolean(),
      BlockPublicPolicy: z.boolean(),
      RestrictPublicBuckets: z.boolean(),
    })
    .nullable(),
  Grants: z.array(z.strictObject({ Grantee: granteeSchema, Permission: z.string() })),
  /** The bucket policy document, parsed; null when the bucket has none. */
  Policy: z.record(z.string(), z.unknown()).nullable(),
  /** S3's own verdict on the policy (GetBucketPolicyStatus); null when there is no policy. */
  PolicyIsPublic: z.boolean().nullable(),
  Versioning: z.strictObject({
    /** Null when versioning was never enabled. */
    Status: z.enum(['Enabled', 'Suspended']).nullable(),
    MFADelete: z.boolean(),
  }),
  /** Server access logging target; null when logging is off. */
  Logging: z.strictObject({ TargetBucket: z.string(), TargetPrefix: z.string() }).nullable(),
  /** Null when object lock is not configured. */
  ObjectLock: z
    .strictObject({
      Enabled: z.boolean(),
      DefaultRetention: z
        .strictObject({ Mode: z.string().nullable(), Days: z.number().int().nullable(), Years: z.number().int().nullable() })
        .nullable(),
    })
    .nullable(),
  CreationDate: timestampSchema.nullable(),
});

export type S3Bucket = z.infer<typeof s3BucketSchema>;
