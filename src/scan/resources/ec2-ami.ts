import { z } from 'zod';
import { flag, optional, resourceBase, text } from './base';

export const EC2_AMI = 'AWS.EC2.AMI';

/** An image the account owns, as DescribeImages returns it. */
export const ec2AmiSchema = z.looseObject({
  ...resourceBase(EC2_AMI),
  BlockDeviceMappings: optional(z.array(z.looseObject({ DeviceName: text, Ebs: optional(z.looseObject({ Encrypted: flag, SnapshotId: text })) }))),
  Description: text,
  ImageLocation: text,
  OwnerId: text,
  /** True when anyone may launch it. */
  Public: flag,
  State: text,
});

export type Ec2Ami = z.infer<typeof ec2AmiSchema>;
