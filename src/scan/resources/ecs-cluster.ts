import { z } from 'zod';
import { anyList, count, optional, resourceBase, text } from './base';

export const ECS_CLUSTER = 'AWS.ECS.Cluster';

/**
 * DescribeClusters' Cluster (settings, configuration and statistics included) with its services,
 * members capitalized as Panther's Go SDK names them (`settings[].name` → `Settings[].Name`).
 */
export const ecsClusterSchema = z.looseObject({
  ...resourceBase(ECS_CLUSTER),
  Status: text,
  /** Cluster settings, e.g. containerInsights: enabled. */
  Settings: optional(z.array(z.looseObject({ Name: text, Value: text }))),
  Configuration: optional(
    z.looseObject({
      /** ECS Exec: Logging is NONE, DEFAULT or OVERRIDE (then LogConfiguration says where). */
      ExecuteCommandConfiguration: optional(z.looseObject({ KmsKeyId: text, Logging: text, LogConfiguration: optional(z.record(z.string(), z.unknown())) })),
    }),
  ),
  ActiveServicesCount: count,
  RunningTasksCount: count,
  /** DescribeServices' answer for every service of the cluster. */
  Services: anyList,
});

export type EcsCluster = z.infer<typeof ecsClusterSchema>;
