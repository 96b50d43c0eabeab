import { z } from 'zod';
import { count, flag, optional, resourceBase, text } from './base';

/** DescribeDBInstances' DBInstance with its manual snapshots' attributes, as Panther describes it. */
export const RDS_INSTANCE = 'AWS.RDS.Instance';

export const rdsInstanceSchema = z.looseObject({
  ...resourceBase(RDS_INSTANCE),
  DBInstanceIdentifier: text,
  Engine: text,
  PubliclyAccessible: flag,
  StorageEncrypted: flag,
  /** Days automated backups are kept; 0 turns them off. */
  BackupRetentionPeriod: count,
  DeletionProtection: flag,
  /** The instance's manual snapshots with their attributes ("restore" lists who may restore them; "all" is public). */
  SnapshotAttributes: optional(
    z.array(
      z.looseObject({
        DBSnapshotIdentifier: text,
        DBSnapshotAttributes: optional(z.array(z.looseObject({ AttributeName: text, AttributeValues: optional(z.array(z.string())) }))),
      }),
    ),
  ),
});

export type RdsInstance = z.infer<typeof rdsInstanceSchema>;
