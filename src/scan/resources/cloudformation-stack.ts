import { z } from 'zod';
import { anyList, flag, optional, resourceBase, text, time } from './base';

export const CLOUDFORMATION_STACK = 'AWS.CloudFormation.Stack';

/** A stack as DescribeStacks returns it, with Panther's generic fields. */
export const cloudFormationStackSchema = z.looseObject({
  ...resourceBase(CLOUDFORMATION_STACK),
  StackStatus: text,
  EnableTerminationProtection: flag,
  /** StackDriftStatus: DRIFTED, IN_SYNC, NOT_CHECKED or UNKNOWN. */
  DriftInformation: optional(z.looseObject({ StackDriftStatus: text, LastCheckTimestamp: time })),
  RoleARN: text,
  Capabilities: anyList,
  Drifts: anyList,
});

export type CloudFormationStack = z.infer<typeof cloudFormationStackSchema>;
