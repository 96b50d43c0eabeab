import { z } from 'zod';
import { count, resourceBase, text } from './base';

export const CLOUDWATCH_LOG_GROUP = 'AWS.CloudWatch.LogGroup';

/** A log group as DescribeLogGroups returns it, with Panther's generic fields. */
export const cloudWatchLogGroupSchema = z.looseObject({
  ...resourceBase(CLOUDWATCH_LOG_GROUP),
  KmsKeyId: text,
  MetricFilterCount: count,
  /** Null when events never expire. */
  RetentionInDays: count,
  StoredBytes: count,
});

export type CloudWatchLogGroup = z.infer<typeof cloudWatchLogGroupSchema>;
