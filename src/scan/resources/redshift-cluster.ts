import { z } from 'zod';
import { count, flag, optional, resourceBase, text } from './base';

export const REDSHIFT_CLUSTER = 'AWS.Redshift.Cluster';

/** DescribeClusters' Cluster with its audit logging status (DescribeLoggingStatus), as Panther describes it. */
export const redshiftClusterSchema = z.looseObject({
  ...resourceBase(REDSHIFT_CLUSTER),
  ClusterStatus: text,
  Encrypted: flag,
  KmsKeyId: text,
  PubliclyAccessible: flag,
  EnhancedVpcRouting: flag,
  AllowVersionUpgrade: flag,
  /** Days automated snapshots are kept; 0 turns them off. */
  AutomatedSnapshotRetentionPeriod: count,
  MasterUsername: text,
  VpcId: text,
  LoggingStatus: optional(z.looseObject({ LoggingEnabled: flag, BucketName: text, LogDestinationType: text })),
});

export type RedshiftCluster = z.infer<typeof redshiftClusterSchema>;
