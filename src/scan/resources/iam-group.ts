import { z } from 'zod';
import { anyList, optional, resourceBase, text } from './base';

export const IAM_GROUP = 'AWS.IAM.Group';

export const iamGroupSchema = z.looseObject({
  ...resourceBase(IAM_GROUP),
  Path: text,
  /** Policy name → policy document (JSON string). */
  InlinePolicies: optional(z.record(z.string(), z.string().nullable())),
  ManagedPolicyARNs: optional(z.array(z.string())),
  Users: anyList,
});

export type IamGroup = z.infer<typeof iamGroupSchema>;
