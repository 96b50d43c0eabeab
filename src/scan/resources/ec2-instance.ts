import { z } from 'zod';
import { anyList, optional, resourceBase, text } from './base';

export const EC2_INSTANCE = 'AWS.EC2.Instance';

/** An instance as DescribeInstances returns it (MetadataOptions included), with Panther's generic fields. */
export const ec2InstanceSchema = z.looseObject({
  ...resourceBase(EC2_INSTANCE),
  ImageId: text,
  InstanceType: text,
  IamInstanceProfile: optional(z.looseObject({ Arn: text, Id: text })),
  /** HttpTokens "required" means IMDSv2 only; "optional" still answers IMDSv1. */
  MetadataOptions: optional(z.looseObject({ HttpTokens: text, HttpEndpoint: text, HttpPutResponseHopLimit: optional(z.number()) })),
  PublicIpAddress: text,
  SecurityGroups: anyList,
  State: optional(z.looseObject({ Name: text })),
  SubnetId: text,
  VpcId: text,
});

export type Ec2Instance = z.infer<typeof ec2InstanceSchema>;
