import { z } from 'zod';
import { resourceBase, timestampSchema } from './base';

export const IAM_USER = 'AWS.IAM.User';

export const iamUserSchema = z.strictObject({
  ...resourceBase(IAM_USER),
  UserName: z.string().min(1),
  UserId: z.string(),
  Arn: z.string(),
  Path: z.string(),
  /** True when the user has a login profile (a console password). */
  ConsoleAccess: z.boolean(),
  LoginProfileCreated: timestampSchema.nullable(),
  PasswordLastUsed: timestampSchema.nullable(),
  MfaDevices: z.array(z.strictObject({ SerialNumber: z.string(), EnableDate: timestampSchema.nullable() })),
  AccessKeys: z.array(
    z.strictObject({
      AccessKeyId: z.string(),
      /** Active, Inactive or Expired. */
      Status: z.string(),
      CreateDate: timestampSchema.nullable(),
      /** Null when the key was never used. */
      LastUsedDate: timestampSchema.nullable(),
      LastUsedService: z.string().nullable(),
      LastUsedRegion: z.string().nullable(),
    }),
  ),
});

export type IamUser = z.infer<typeof iamUserSchema>;
