import { z } from 'zod';
import { anyList, flag, optional, resourceBase, text, time } from './base';

/** Panther's name for a trail resource. */
export const CLOUDTRAIL_TRAIL = 'AWS.CloudTrail';

/** A trail, reported once: in its home region, in the account that owns it. Fields are GetTrail's, plus its status and selectors. */
export const cloudTrailTrailSchema = z.looseObject({
  ...resourceBase(CLOUDTRAIL_TRAIL),
  CloudWatchLogsLogGroupArn: text,
  CloudWatchLogsRoleArn: text,
  HasCustomEventSelectors: flag,
  HomeRegion: text,
  IncludeGlobalServiceEvents: flag,
  IsMultiRegionTrail: flag,
  IsOrganizationTrail: flag,
  /** The KMS key that encrypts delivered log files; null when S3-managed encryption is used. */
  KmsKeyId: text,
  LogFileValidationEnabled: flag,
  S3BucketName: text,
  S3KeyPrefix: text,
  SnsTopicARN: text,
  EventSelectors: anyList,
  /** GetTrailStatus's answer: IsLogging false when someone stopped logging. */
  Status: optional(z.looseObject({ IsLogging: flag, LatestDeliveryTime: time, LatestDeliveryError: text })),
});

export type CloudTrailTrail = z.infer<typeof cloudTrailTrailSchema>;
