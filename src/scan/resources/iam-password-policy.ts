import { z } from 'zod';
import { resourceBase } from './base';

export const IAM_PASSWORD_POLICY = 'AWS.IAM.PasswordPolicy';

/**
 * The account password policy (one per account). When none is set, `Configured` is false and the
 * other fields are null/false: IAM then applies its built-in default, which no CIS control accepts.
 */
export const iamPasswordPolicySchema = z.strictObject({
  ...resourceBase(IAM_PASSWORD_POLICY),
  Configured: z.boolean(),
  MinimumPasswordLength: z.number().int().nullable(),
  RequireSymbols: z.boolean(),
  RequireNumbers: z.boolean(),
  RequireUppercaseCharacters: z.boolean(),
  RequireLowercaseCharacters: z.boolean(),
  AllowUsersToChangePassword: z.boolean(),
  ExpirePasswords: z.boolean(),
  MaxPasswordAge: z.number().int().nullable(),
  PasswordReusePrevention: z.number().int().nullable(),
  HardExpiry: z.boolean(),
});

export type IamPasswordPolicy = z.infer<typeof iamPasswordPolicySchema>;
