import { z } from 'zod';
import { resourceBase } from './base';

export const EC2_VPC = 'AWS.EC2.VPC';

export const ec2VpcSchema = z.strictObject({
  ...resourceBase(EC2_VPC),
  VpcId: z.string().min(1),
  CidrBlock: z.string().nullable(),
  Ipv6CidrBlocks: z.array(z.string()),
  IsDefault: z.boolean(),
  State: z.string(),
  OwnerId: z.string(),
  /** Flow logs whose resource is this VPC (subnet and interface flow logs are not counted). */
  FlowLogs: z.array(
    z.strictObject({
      FlowLogId: z.string(),
      /** ACTIVE when the flow log is being published. */
      FlowLogStatus: z.string(),
      /** SUCCESS, or FAILED when delivery to the destination is failing. */
      DeliverLogsStatus: z.string().nullable(),
      /** ACCEPT, REJECT or ALL. */
      TrafficType: z.string(),
      LogDestinationType: z.string().nullable(),
    }),
  ),
});

export type Ec2Vpc = z.infer<typeof ec2VpcSchema>;
