import { z } from 'zod';
import { resourceBase } from './base';

export const IAM_ROOT_USER = 'AWS.IAM.RootUser';

/** The account's root user, as far as the account summary tells (one per account). */
export const iamRootUserSchema = z.strictObject({
  ...resourceBase(IAM_ROOT_USER),
  Arn: z.string(),
  MfaEnabled: z.boolean(),
  AccessKeysPresent: z.boolean(),
  SigningCertificatesPresent: z.boolean(),
  /** The whole GetAccountSummary map (users, policies, quotas), for context in alerts. */
  AccountSummary: z.record(z.string(), z.number()),
});

export type IamRootUser = z.infer<typeof iamRootUserSchema>;
