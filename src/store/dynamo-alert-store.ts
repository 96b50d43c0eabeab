import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Alert, DedupWindow } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import { VersionedTable, type Versioned } from './versioned-table';

/** Alerts and dedup windows share the alerts table (key `id`); only alerts have `status`, so the
 *  `byStatus` index is sparse and lists alerts alone. */
export const ALERTS_BY_STATUS_INDEX = 'byStatus';

export function createDynamoAlertStore(options: { ddb: DynamoDBDocumentClient; table: string }): AlertStore {
  const alerts = new VersionedTable<Alert>(options.ddb, options.table, 'id');
  const windows = new VersionedTable<DedupWindow & Versioned>(options.ddb, options.table, 'id');
  return {
    get: (id) => alerts.get(id),
    mutate: (id, change) => alerts.mutate(id, change),
    mutateWindow: (id, change) => windows.mutate(id, change),
    async listByStatus(status, limit) {
      const result = await options.ddb.send(
        new QueryCommand({
          TableName: options.table,
          IndexName: ALERTS_BY_STATUS_INDEX,
          KeyConditionExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': status },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (result.Items ?? []) as Alert[];
    },
  };
}
