import { z } from 'zod';
import { resourceBase } from './base';

export const EC2_NETWORK_ACL = 'AWS.EC2.NetworkACL';

export const networkAclEntrySchema = z.strictObject({
  /** Entries are evaluated in ascending rule number; the first match decides. 32767 is the implicit deny. */
  RuleNumber: z.number().int(),
  /** A protocol number as a string ("6" tcp, "17" udp), or "-1" for all. */
  Protocol: z.string(),
  RuleAction: z.enum(['allow', 'deny']),
  Egress: z.boolean(),
  CidrBlock: z.string().nullable(),
  Ipv6CidrBlock: z.string().nullable(),
  /** Null when the entry covers every port (all protocols, or ICMP). */
  PortRange: z.strictObject({ From: z.number().int(), To: z.number().int() }).nullable(),
});

export type NetworkAclEntry = z.infer<typeof networkAclEntrySchema>;

export const ec2NetworkAclSchema = z.strictObject({
  ...resourceBase(EC2_NETWORK_ACL),
  NetworkAclId: z.string().min(1),
  VpcId: z.string(),
  IsDefault: z.boolean(),
  OwnerId: z.string(),
  Entries: z.array(networkAclEntrySchema),
  SubnetIds: z.array(z.string()),
});

export type Ec2NetworkAcl = z.infer<typeof ec2NetworkAclSchema>;
