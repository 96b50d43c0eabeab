import { z } from 'zod';
import { anyList, optional, resourceBase, text, time } from './base';
import { credentialReportSchema, virtualMfaSchema } from './credential-report';

export const IAM_USER = 'AWS.IAM.User';

export const iamUserSchema = z.looseObject({
  ...resourceBase(IAM_USER),
  PasswordLastUsed: time,
  Path: text,
  PermissionsBoundary: optional(z.looseObject({ PermissionsBoundaryArn: text, PermissionsBoundaryType: text })),
  CredentialReport: optional(credentialReportSchema),
  Groups: anyList,
  /** Policy name → policy document (JSON string). */
  InlinePolicies: optional(z.record(z.string(), z.string().nullable())),
  ManagedPolicyNames: optional(z.array(z.string())),
  VirtualMFA: virtualMfaSchema,
});

export type IamUser = z.infer<typeof iamUserSchema>;
