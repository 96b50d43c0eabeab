import { z } from 'zod';
import { count, optional, resourceBase, text } from './base';

export const IAM_ROLE = 'AWS.IAM.Role';

export const iamRoleSchema = z.looseObject({
  ...resourceBase(IAM_ROLE),
  /** The trust policy, as a JSON string (IAM's URL encoding removed). */
  AssumeRolePolicyDocument: text,
  Description: text,
  MaxSessionDuration: count,
  Path: text,
  PermissionsBoundary: optional(z.looseObject({ PermissionsBoundaryArn: text, PermissionsBoundaryType: text })),
  /** Policy name → policy document (JSON string). */
  InlinePolicies: optional(z.record(z.string(), z.string().nullable())),
  ManagedPolicyNames: optional(z.array(z.string())),
});

export type IamRole = z.infer<typeof iamRoleSchema>;
