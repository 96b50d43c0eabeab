import { z } from 'zod';
import { anyList, count, flag, optional, resourceBase, text, time } from './base';

export const IAM_POLICY = 'AWS.IAM.Policy';

/** A customer-managed policy with its default version's document. */
export const iamPolicySchema = z.looseObject({
  ...resourceBase(IAM_POLICY),
  AttachmentCount: count,
  DefaultVersionId: text,
  Description: text,
  IsAttachable: flag,
  Path: text,
  PermissionsBoundaryUsageCount: count,
  UpdateDate: time,
  Entities: optional(z.looseObject({ PolicyGroups: anyList, PolicyRoles: anyList, PolicyUsers: anyList })),
  /** The default version's document, as a JSON string (IAM's URL encoding removed). */
  PolicyDocument: text,
});

export type IamPolicy = z.infer<typeof iamPolicySchema>;
