import { z } from 'zod';
import { count, flag, optional, resourceBase, text } from './base';

/**
 * GuardDuty detectors, Config recorders and the account-level meta resources, one per account
 * and region (S3's Block Public Access once per account), in Panther's shapes where Panther had them.
 */
export const GUARDDUTY_DETECTOR = 'AWS.GuardDuty.Detector';
export const GUARDDUTY_META = 'AWS.GuardDuty.Detector.Meta';
export const CONFIG_RECORDER = 'AWS.Config.Recorder';
export const CONFIG_META = 'AWS.Config.Recorder.Meta';
export const ACCESS_ANALYZER_META = 'AWS.AccessAnalyzer.Meta';
export const S3_ACCOUNT_BLOCK = 'AWS.S3.AccountPublicAccessBlock';

/** A GuardDuty detector, as Panther describes it (GetDetector's fields). */
export const guardDutyDetectorSchema = z.looseObject({
  ...resourceBase(GUARDDUTY_DETECTOR),
  /** ENABLED or DISABLED. */
  Status: text,
  FindingPublishingFrequency: text,
  Master: optional(z.record(z.string(), z.unknown())),
});

/** The detectors of a region (Panther's meta resource): none means GuardDuty is off there. */
export const guardDutyMetaSchema = z.looseObject({
  ...resourceBase(GUARDDUTY_META),
  Detectors: optional(z.array(z.string())),
});

/** A Config recorder with its status, as Panther describes it. */
export const configRecorderSchema = z.looseObject({
  ...resourceBase(CONFIG_RECORDER),
  RecordingGroup: optional(z.looseObject({ AllSupported: flag, IncludeGlobalResourceTypes: flag })),
  RoleARN: text,
  Status: optional(z.looseObject({ Recording: flag, LastStatus: text })),
});

/** The recorders of a region and how many record global resources (Panther's meta resource). */
export const configMetaSchema = z.looseObject({
  ...resourceBase(CONFIG_META),
  GlobalRecorderCount: count,
  Recorders: optional(z.array(z.string())),
});

/** Prowl's meta resource: the region's IAM Access Analyzer analyzers. */
export const accessAnalyzerMetaSchema = z.looseObject({
  ...resourceBase(ACCESS_ANALYZER_META),
  Analyzers: optional(z.array(z.looseObject({ arn: text, name: text, status: text, type: text }))),
});

/** Prowl's meta resource: the account-wide S3 Block Public Access (s3control GetPublicAccessBlock). */
export const s3AccountBlockSchema = z.looseObject({
  ...resourceBase(S3_ACCOUNT_BLOCK),
  PublicAccessBlockConfiguration: optional(
    z.looseObject({ BlockPublicAcls: flag, BlockPublicPolicy: flag, IgnorePublicAcls: flag, RestrictPublicBuckets: flag }),
  ),
});

export type GuardDutyDetector = z.infer<typeof guardDutyDetectorSchema>;
export type GuardDutyMeta = z.infer<typeof guardDutyMetaSchema>;
export type ConfigRecorder = z.infer<typeof configRecorderSchema>;
export type ConfigMeta = z.infer<typeof configMetaSchema>;
export type AccessAnalyzerMeta = z.infer<typeof accessAnalyzerMetaSchema>;
export type S3AccountBlock = z.infer<typeof s3AccountBlockSchema>;
