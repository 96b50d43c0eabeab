import { z } from 'zod';
import { flag, optional, resourceBase, text } from './base';

/** DescribeCluster's Cluster, members capitalized as Panther's Go SDK names them. */
export const EKS_CLUSTER = 'AWS.EKS.Cluster';

export const eksClusterSchema = z.looseObject({
  ...resourceBase(EKS_CLUSTER),
  Version: text,
  ResourcesVpcConfig: optional(z.looseObject({ EndpointPublicAccess: flag, EndpointPrivateAccess: flag, PublicAccessCidrs: optional(z.array(z.string())) })),
  Logging: optional(z.looseObject({ ClusterLogging: optional(z.array(z.looseObject({ Types: optional(z.array(z.string())), Enabled: flag }))) })),
  EncryptionConfig: optional(z.array(z.looseObject({ Resources: optional(z.array(z.string())), Provider: optional(z.looseObject({ KeyArn: text })) }))),
});

export type EksCluster = z.infer<typeof eksClusterSchema>;
