import { z } from 'zod';
import { flag, resourceBase, text, time } from './base';

export const KMS_KEY = 'AWS.KMS.Key';

/** A KMS key: DescribeKey's metadata, its rotation status and its key policy. */
export const kmsKeySchema = z.looseObject({
  ...resourceBase(KMS_KEY),
  CloudHsmClusterId: text,
  CustomKeyStoreId: text,
  DeletionDate: time,
  Description: text,
  Enabled: flag,
  ExpirationModel: text,
  /** CUSTOMER or AWS. */
  KeyManager: text,
  /** Enabled, Disabled, PendingDeletion, PendingImport, Unavailable, … */
  KeyState: text,
  KeyUsage: text,
  /** Prowl's addition (from DescribeKey): SYMMETRIC_DEFAULT, RSA_2048, HMAC_256, … */
  KeySpec: text,
  /** AWS_KMS, EXTERNAL, AWS_CLOUDHSM or EXTERNAL_KEY_STORE. */
  Origin: text,
  ValidTo: time,
  /** Null where automatic rotation does not apply (asymmetric, HMAC, imported or custom-store keys, or keys pending deletion). */
  KeyRotationEnabled: flag,
  /** The key policy as the JSON string KMS returns. */
  Policy: text,
});

export type KmsKey = z.infer<typeof kmsKeySchema>;
