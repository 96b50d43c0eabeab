import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DUE_QUEUE, type Alert, type DedupWindow } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import { jsonAttributes } from './json-attributes';
import { VersionedTable, type Versioned } from './versioned-table';

/** Alerts and dedup windows share the alerts table (key `id`); only alerts have `status` and `ruleId`,
 *  so the `byStatus` and `byRule` indexes are sparse and list alerts alone. */
export const ALERTS_BY_STATUS_INDEX = 'byStatus';
export const ALERTS_BY_RULE_INDEX = 'byRule';
/** Sparse too: only alerts with a follow-up scheduled carry `dueQueue` (one value) and `dueAt`. */
export const ALERTS_BY_DUE_INDEX = 'byDue';

export function createDynamoAlertStore(options: { ddb: DynamoDBDocumentClient; table: string }): AlertStore {
  const byId = (id: string): Record<string, string> => ({ id });
  // Everything that holds event data or rule output derived from it is stored as JSON text.
  const alerts = new VersionedTable<Alert>(
    options.ddb,
    options.table,
    byId,
    jsonAttributes<Alert>(['context', 'samples', 'latestSample', 'resource', 'confirmation']),
  );
  const windows = new VersionedTable<DedupWindow & Versioned>(options.ddb, options.table, byId);
  async function newestFirst(index: string, attribute: string, value: string, limit: number): Promise<Alert[]> {
    const result = await options.ddb.send(
      new QueryCommand({
        TableName: options.table,
        IndexName: index,
        KeyConditionExpression: '#key = :value',
        ExpressionAttributeNames: { '#key': attribute },
        ExpressionAttributeValues: { ':value': value },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => alerts.decode(item));
  }

  return {
    get: (id) => alerts.get(id),
    mutate: (id, change) => alerts.mutate(id, change),
    mutateWindow: (id, change) => windows.mutate(id, change),
    listByStatus: (status, limit) => newestFirst(ALERTS_BY_STATUS_INDEX, 'status', status, limit),
    listByRule: (ruleId, limit) => newestFirst(ALERTS_BY_RULE_INDEX, 'ruleId', ruleId, limit),
    async listDue(at, limit) {
      const result = await options.ddb.send(
        new QueryCommand({
          TableName: options.table,
          IndexName: ALERTS_BY_DUE_INDEX,
          KeyConditionExpression: '#queue = :queue AND #dueAt <= :at',
          ExpressionAttributeNames: { '#queue': 'dueQueue', '#dueAt': 'dueAt' },
          ExpressionAttributeValues: { ':queue': DUE_QUEUE, ':at': at },
          Limit: limit,
        }),
      );
      return (result.Items ?? []).flatMap((item) => (typeof item['id'] === 'string' ? [item['id']] : []));
    },
  };
}
