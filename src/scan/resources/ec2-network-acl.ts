import { z } from 'zod';
import { anyList, count, flag, optional, resourceBase, text } from './base';

export const EC2_NETWORK_ACL = 'AWS.EC2.NetworkACL';

/** An entry as DescribeNetworkAcls returns it; the lowest matching RuleNumber decides, 32767 is the implicit deny. */
export const networkAclEntrySchema = z.looseObject({
  RuleNumber: count,
  /** A protocol number as a string ("6" tcp, "17" udp), or "-1" for all. */
  Protocol: text,
  /** allow or deny. */
  RuleAction: text,
  Egress: flag,
  CidrBlock: text,
  Ipv6CidrBlock: text,
  /** Null when the entry covers every port (all protocols, or ICMP). */
  PortRange: optional(z.looseObject({ From: count, To: count })),
});

export type NetworkAclEntry = z.infer<typeof networkAclEntrySchema>;

export const ec2NetworkAclSchema = z.looseObject({
  ...resourceBase(EC2_NETWORK_ACL),
  Associations: anyList,
  Entries: optional(z.array(networkAclEntrySchema)),
  IsDefault: flag,
  OwnerId: text,
  VpcId: text,
});

export type Ec2NetworkAcl = z.infer<typeof ec2NetworkAclSchema>;
