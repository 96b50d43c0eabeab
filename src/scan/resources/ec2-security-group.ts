import { z } from 'zod';
import { resourceBase } from './base';

export const EC2_SECURITY_GROUP = 'AWS.EC2.SecurityGroup';

/** One permission (ingress or egress), with address ranges flattened to CIDR strings. */
export const ipPermissionSchema = z.strictObject({
  /** tcp, udp, icmp, icmpv6, a protocol number, or "-1" for all traffic. */
  IpProtocol: z.string(),
  /** Null for all-traffic rules (IpProtocol "-1"). */
  FromPort: z.number().int().nullable(),
  ToPort: z.number().int().nullable(),
  IpRanges: z.array(z.string()),
  Ipv6Ranges: z.array(z.string()),
  PrefixListIds: z.array(z.string()),
  /** Referenced security groups, as group ids. */
  UserIdGroupPairs: z.array(z.string()),
});

export type IpPermission = z.infer<typeof ipPermissionSchema>;

export const ec2SecurityGroupSchema = z.strictObject({
  ...resourceBase(EC2_SECURITY_GROUP),
  GroupId: z.string().min(1),
  GroupName: z.string(),
  Description: z.string(),
  VpcId: z.string().nullable(),
  OwnerId: z.string(),
  /** The VPC's default group (named "default"); it cannot be deleted, only emptied. */
  IsDefault: z.boolean(),
  IpPermissions: z.array(ipPermissionSchema),
  IpPermissionsEgress: z.array(ipPermissionSchema),
});

export type Ec2SecurityGroup = z.infer<typeof ec2SecurityGroupSchema>;
