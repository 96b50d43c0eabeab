import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Alert, DedupWindow } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import { ProwlError } from '../errors';
import { jsonAttributes } from './json-attributes';
import { VersionedTable, type Versioned } from './versioned-table';

/** Alerts and dedup windows share the alerts table (key `id`); only alerts have `status` and `ruleId`,
 *  so the `byStatus` and `byRule` indexes are sparse and list alerts alone. */
export const ALERTS_BY_STATUS_INDEX = 'byStatus';
export const ALERTS_BY_RULE_INDEX = 'byRule';
/** Only numbered alerts carry `number`, so `byNumber` is sparse too: #42 → the alert's id. */
export const ALERTS_BY_NUMBER_INDEX = 'byNumber';
/** The counter item short numbers are taken from; it has none of the indexed attributes, so no index lists it. */
const NUMBER_COUNTER_ID = 'counter-alert-number';

export function createDynamoAlertStore(options: { ddb: DynamoDBDocumentClient; table: string }): AlertStore {
  const byId = (id: string): Record<string, string> => ({ id });
  // Everything that holds event data or rule output derived from it is stored as JSON text.
  const alerts = new VersionedTable<Alert>(options.ddb, options.table, byId, jsonAttributes<Alert>(['context', 'samples', 'latestSample', 'resource']));
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
    async takeNumber() {
      const result = await options.ddb.send(
        new UpdateCommand({
          TableName: options.table,
          Key: { id: NUMBER_COUNTER_ID },
          UpdateExpression: 'ADD #last :one',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const last = result.Attributes?.['last'];
      if (typeof last !== 'number') throw new ProwlError('prowl_internal', `the alert number counter in ${options.table} holds ${String(last)}`);
      return last;
    },
    async getByNumber(number) {
      const result = await options.ddb.send(
        new QueryCommand({
          TableName: options.table,
          IndexName: ALERTS_BY_NUMBER_INDEX,
          KeyConditionExpression: '#number = :number',
          ExpressionAttributeNames: { '#number': 'number' },
          ExpressionAttributeValues: { ':number': number },
          Limit: 1,
        }),
      );
      const id = result.Items?.[0]?.['id'];
      // The index only holds keys; the alert itself is read consistently.
      return typeof id === 'string' ? alerts.get(id) : undefined;
    },
  };
}
