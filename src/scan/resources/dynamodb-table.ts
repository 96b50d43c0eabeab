import { z } from 'zod';
import { flag, optional, resourceBase, text } from './base';

export const DYNAMODB_TABLE = 'AWS.DynamoDB.Table';

/** DescribeTable's TableDescription, with Panther's generic fields. */
export const dynamoDbTableSchema = z.looseObject({
  ...resourceBase(DYNAMODB_TABLE),
  DeletionProtectionEnabled: flag,
  /** Null when the table uses the AWS-owned key (the default). */
  SSEDescription: optional(z.looseObject({ SSEType: text, Status: text, KMSMasterKeyArn: text })),
  TableStatus: text,
  /** Prowl's addition: DescribeContinuousBackups' answer. */
  ContinuousBackupsDescription: optional(
    z.looseObject({ ContinuousBackupsStatus: text, PointInTimeRecoveryDescription: optional(z.looseObject({ PointInTimeRecoveryStatus: text })) }),
  ),
});

export type DynamoDbTable = z.infer<typeof dynamoDbTableSchema>;
