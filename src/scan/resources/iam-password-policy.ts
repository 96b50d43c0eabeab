import { z } from 'zod';
import { count, flag, resourceBase } from './base';

/** Panther's name for the account password policy. */
export const IAM_PASSWORD_POLICY = 'AWS.PasswordPolicy';

/**
 * The account password policy (one per account): GetAccountPasswordPolicy's fields plus AnyExist,
 * false when none is set (IAM then applies its built-in default, which no CIS control accepts).
 */
export const iamPasswordPolicySchema = z.looseObject({
  ...resourceBase(IAM_PASSWORD_POLICY),
  AnyExist: flag,
  AllowUsersToChangePassword: flag,
  ExpirePasswords: flag,
  HardExpiry: flag,
  MaxPasswordAge: count,
  MinimumPasswordLength: count,
  PasswordReusePrevention: count,
  RequireLowercaseCharacters: flag,
  RequireNumbers: flag,
  RequireSymbols: flag,
  RequireUppercaseCharacters: flag,
});

export type IamPasswordPolicy = z.infer<typeof iamPasswordPolicySchema>;
