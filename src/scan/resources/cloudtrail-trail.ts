import { z } from 'zod';
import { resourceBase, timestampSchema } from './base';

export const CLOUDTRAIL_TRAIL = 'AWS.CloudTrail.Trail';

/** A trail, reported once: in its home region, in the account that owns it. */
export const cloudTrailTrailSchema = z.strictObject({
  ...resourceBase(CLOUDTRAIL_TRAIL),
  Name: z.string().min(1),
  TrailARN: z.string(),
  HomeRegion: z.string(),
  IsMultiRegionTrail: z.boolean(),
  IsOrganizationTrail: z.boolean(),
  IncludeGlobalServiceEvents: z.boolean(),
  LogFileValidationEnabled: z.boolean(),
  /** The KMS key that encrypts delivered log files; null when S3-managed encryption is used. */
  KmsKeyId: z.string().nullable(),
  S3BucketName: z.string().nullable(),
  S3KeyPrefix: z.string().nullable(),
  CloudWatchLogsLogGroupArn: z.string().nullable(),
  /** From GetTrailStatus: false when someone stopped logging. */
  IsLogging: z.boolean(),
  LatestDeliveryTime: timestampSchema.nullable(),
  LatestDeliveryError: z.string().nullable(),
});

export type CloudTrailTrail = z.infer<typeof cloudTrailTrailSchema>;
