import { z } from 'zod';
import { optional, resourceBase } from './base';
import { credentialReportSchema, virtualMfaSchema } from './credential-report';

export const IAM_ROOT_USER = 'AWS.IAM.RootUser';

/** The account's root user (one per account): its credential report row and its virtual MFA device, if any. */
export const iamRootUserSchema = z.looseObject({
  ...resourceBase(IAM_ROOT_USER),
  CredentialReport: optional(credentialReportSchema),
  VirtualMFA: virtualMfaSchema,
});

export type IamRootUser = z.infer<typeof iamRootUserSchema>;
