import { z } from 'zod';
import { resourceBase, timestampSchema } from './base';

export const KMS_KEY = 'AWS.KMS.Key';

/** A customer-managed KMS key (AWS-managed keys rotate on AWS's schedule and are not collected). */
export const kmsKeySchema = z.strictObject({
  ...resourceBase(KMS_KEY),
  KeyId: z.string().min(1),
  Arn: z.string(),
  Description: z.string(),
  KeyManager: z.literal('CUSTOMER'),
  /** Enabled, Disabled, PendingDeletion, PendingImport, Unavailable, … */
  KeyState: z.string(),
  Enabled: z.boolean(),
  KeySpec: z.string(),
  KeyUsage: z.string(),
  /** AWS_KMS, EXTERNAL, AWS_CLOUDHSM or EXTERNAL_KEY_STORE. */
  Origin: z.string(),
  MultiRegion: z.boolean(),
  DeletionDate: timestampSchema.nullable(),
  /** Null where automatic rotation does not apply (asymmetric, HMAC, imported or custom-store keys, or keys pending deletion). */
  RotationEnabled: z.boolean().nullable(),
  RotationPeriodInDays: z.number().int().nullable(),
});

export type KmsKey = z.infer<typeof kmsKeySchema>;
