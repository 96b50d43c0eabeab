import { z } from 'zod';
import { anyList, optional, resourceBase } from './base';

/** Panther's account-level CloudTrail resource, one per account and region. */
export const CLOUDTRAIL_META = 'AWS.CloudTrail.Meta';

/** What a policy asks of the trails covering a region, read from each trail's configuration and status. */
export const trailSummarySchema = z.looseObject({
  TrailARN: z.string(),
  IsMultiRegionTrail: z.boolean().nullable().default(null),
  LogFileValidationEnabled: z.boolean().nullable().default(null),
  IsLogging: z.boolean().nullable().default(null),
});

export const cloudTrailMetaSchema = z.looseObject({
  ...resourceBase(CLOUDTRAIL_META),
  /** ARNs of every trail that records this region (its own and multi-region trails homed elsewhere). */
  Trails: optional(z.array(z.string())),
  GlobalEventSelectors: anyList,
  /** Prowl's addition: the trails' settings, so "a multi-region trail with validation is logging" can be judged here. */
  TrailSummaries: optional(z.array(trailSummarySchema)),
});

export type CloudTrailMeta = z.infer<typeof cloudTrailMetaSchema>;
