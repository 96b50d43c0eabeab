import { z } from 'zod';
import { anyList, flag, optional, resourceBase, text } from './base';

export const EC2_VOLUME = 'AWS.EC2.Volume';

/** A snapshot of the volume with who may create volumes from it (Group "all" is public). */
export const ec2SnapshotSchema = z.looseObject({
  SnapshotId: text,
  Encrypted: flag,
  CreateVolumePermissions: optional(z.array(z.looseObject({ Group: text, UserId: text }))),
});

export const ec2VolumeSchema = z.looseObject({
  ...resourceBase(EC2_VOLUME),
  Attachments: anyList,
  AvailabilityZone: text,
  Encrypted: flag,
  KmsKeyId: text,
  SnapshotId: text,
  /** available (attached to nothing), in-use, … */
  State: text,
  VolumeType: text,
  /** The account's own snapshots of this volume. */
  Snapshots: optional(z.array(ec2SnapshotSchema)),
});

export type Ec2Volume = z.infer<typeof ec2VolumeSchema>;
