import { z } from 'zod';
import { flag, resourceBase, text } from './base';

/** Prowl's account-level meta resource for EC2, one per account and region. */
export const EC2_ACCOUNT_SETTINGS = 'AWS.EC2.AccountSettings';

export const ec2AccountSettingsSchema = z.looseObject({
  ...resourceBase(EC2_ACCOUNT_SETTINGS),
  /** GetEbsEncryptionByDefault: new volumes and snapshot copies are encrypted. */
  EbsEncryptionByDefault: flag,
  EbsDefaultKmsKeyId: text,
  /** GetSnapshotBlockPublicAccessState: block-all-sharing, block-new-sharing or unblocked. */
  SnapshotBlockPublicAccessState: text,
  /** GetImageBlockPublicAccessState: block-new-sharing or unblocked. */
  ImageBlockPublicAccessState: text,
});

export type Ec2AccountSettings = z.infer<typeof ec2AccountSettingsSchema>;
