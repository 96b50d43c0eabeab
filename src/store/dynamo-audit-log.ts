import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '../alerts/audit';
import { jsonAttributes } from './json-attributes';

/** Audit table: partition `subject`, sort `at#id` so entries list in time order and never collide. */
export function createDynamoAuditLog(options: { ddb: DynamoDBDocumentClient; table: string }): AuditLog {
  // Before and after may hold alerts and their events: stored as JSON text like every log-derived value.
  const codec = jsonAttributes<AuditEntry>(['before', 'after']);
  return {
    async record(entry) {
      await options.ddb.send(
        new PutCommand({
          TableName: options.table,
          Item: { ...codec.toItem(entry), sk: `${entry.at}#${randomUUID()}` },
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
      return (result.Items ?? []).map(({ sk: _sk, ...entry }) => codec.fromItem(entry));
    },
  };
}
