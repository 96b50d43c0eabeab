import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '../alerts/audit';

/** Audit table: partition `subject`, sort `at#id` so entries list in time order and never collide. */
export function createDynamoAuditLog(options: { ddb: DynamoDBDocumentClient; table: string }): AuditLog {
  return {
    async record(entry) {
      await options.ddb.send(
        new PutCommand({
          TableName: options.table,
          Item: { ...entry, sk: `${entry.at}#${randomUUID()}` },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    },
    async list(subject, limit) {
      const result = await options.ddb.send(
        new QueryCommand({
          TableName: options.table,
          KeyConditionExpression: '#subject = :subject',
          ExpressionAttributeNames: { '#subject': 'subject' },
          ExpressionAttributeValues: { ':subject': subject },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (result.Items ?? []).map(({ sk: _sk, ...entry }) => entry as AuditEntry);
    },
  };
}
