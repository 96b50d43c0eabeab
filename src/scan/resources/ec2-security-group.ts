import { z } from 'zod';
import { count, optional, resourceBase, text } from './base';

export const EC2_SECURITY_GROUP = 'AWS.EC2.SecurityGroup';

/** One permission (ingress or egress) as DescribeSecurityGroups returns it. */
export const ipPermissionSchema = z.looseObject({
  /** tcp, udp, icmp, icmpv6, a protocol number, or "-1" for all traffic. */
  IpProtocol: text,
  /** Null for all-traffic rules (IpProtocol "-1"). */
  FromPort: count,
  ToPort: count,
  IpRanges: optional(z.array(z.looseObject({ CidrIp: text, Description: text }))),
  Ipv6Ranges: optional(z.array(z.looseObject({ CidrIpv6: text, Description: text }))),
  PrefixListIds: optional(z.array(z.looseObject({ PrefixListId: text }))),
  UserIdGroupPairs: optional(z.array(z.looseObject({ GroupId: text, UserId: text }))),
});

export type IpPermission = z.infer<typeof ipPermissionSchema>;

/** Id is the group id and Name the group name; the VPC's default group is the one named "default". */
export const ec2SecurityGroupSchema = z.looseObject({
  ...resourceBase(EC2_SECURITY_GROUP),
  Description: text,
  IpPermissions: optional(z.array(ipPermissionSchema)),
  IpPermissionsEgress: optional(z.array(ipPermissionSchema)),
  OwnerId: text,
  VpcId: text,
});

export type Ec2SecurityGroup = z.infer<typeof ec2SecurityGroupSchema>;
