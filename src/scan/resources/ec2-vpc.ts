import { z } from 'zod';
import { anyList, flag, optional, resourceBase, text } from './base';

export const EC2_VPC = 'AWS.EC2.VPC';

export const ec2VpcSchema = z.looseObject({
  ...resourceBase(EC2_VPC),
  CidrBlock: text,
  CidrBlockAssociationSet: anyList,
  DhcpOptionsId: text,
  InstanceTenancy: text,
  Ipv6CidrBlockAssociationSet: anyList,
  /** The region's default VPC, which AWS creates in every region. */
  IsDefault: flag,
  OwnerId: text,
  State: text,
  /** Flow logs whose resource is this VPC, as DescribeFlowLogs returns them. */
  FlowLogs: optional(z.array(z.looseObject({ FlowLogId: text, FlowLogStatus: text, DeliverLogsStatus: text, TrafficType: text, LogDestinationType: text }))),
  NetworkAcls: anyList,
  RouteTables: anyList,
  SecurityGroups: anyList,
  StaleSecurityGroups: anyList,
});

export type Ec2Vpc = z.infer<typeof ec2VpcSchema>;
