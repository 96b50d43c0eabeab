import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { DUE_QUEUE, type Alert, type DedupWindow } from '../alerts/alert';
import type { AlertStore } from '../alerts/alert-store';
import { ProwlError } from '../errors';
import { jsonAttributes } from './json-attributes';
import { VersionedTable, type Versioned } from './versioned-table';

/** Alerts and dedup windows share the alerts table (key `id`); only alerts have `status` and `ruleId`,
 *  so the `byStatus`, `byRule` and `byStatusChange` indexes are sparse and list alerts alone. */
export const ALERTS_BY_STATUS_INDEX = 'byStatus';
export const ALERTS_BY_RULE_INDEX = 'byRule';
/** Status by last change: what was resolved, acknowledged or opened in a period, without a scan. */
export const ALERTS_BY_STATUS_CHANGE_INDEX = 'byStatusChange';
/** Items read per query page while listing changes: a page of whole alerts stays well under 1 MB. */
const CHANGE_PAGE = 200;
/** Sparse too: only alerts with a follow-up scheduled carry `dueQueue` (one value) and `dueAt`. */
export const ALERTS_BY_DUE_INDEX = 'byDue';
/**
 * Short numbers (#42) come from one counter item (an atomic ADD); each number taken gets a lookup
 * item naming its alert. Items, not an index: CloudFormation adds one index per stack update, and
 * neither item carries an indexed attribute, so no index lists them.
 */
const NUMBER_COUNTER_ID = 'counter-alert-number';
const numberLookupId = (number: number): string => `alert-number-${number}`;

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
  /**
   * Pages through an index, newest first, until `max` alerts (a page stops at 1 MB whatever its
   * Limit, and at `pageSize` items): `complete` is false when more were left unread.
   */
  async function newestFirst(
    query: Pick<QueryCommandInput, 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>,
    max: number,
    pageSize = max,
  ): Promise<{ alerts: Alert[]; complete: boolean }> {
    const found: Alert[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const result = await options.ddb.send(
        new QueryCommand({
          TableName: options.table,
          ...query,
          ScanIndexForward: false,
          Limit: Math.min(pageSize, max - found.length),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      found.push(...(result.Items ?? []).map((item) => alerts.decode(item)));
      start = result.LastEvaluatedKey;
    } while (start && found.length < max);
    return { alerts: found, complete: start === undefined };
  }
  const byKey = async (index: string, attribute: string, value: string, limit: number): Promise<Alert[]> =>
    (
      await newestFirst(
        {
          IndexName: index,
          KeyConditionExpression: '#key = :value',
          ExpressionAttributeNames: { '#key': attribute },
          ExpressionAttributeValues: { ':value': value },
        },
        limit,
      )
    ).alerts;

  return {
    get: (id) => alerts.get(id),
    mutate: (id, change) => alerts.mutate(id, change),
    mutateWindow: (id, change) => windows.mutate(id, change),
    listByStatus: (status, limit) => byKey(ALERTS_BY_STATUS_INDEX, 'status', status, limit),
    listByRule: (ruleId, limit) => byKey(ALERTS_BY_RULE_INDEX, 'ruleId', ruleId, limit),
    listChangedSince: (status, since, max) =>
      newestFirst(
        {
          IndexName: ALERTS_BY_STATUS_CHANGE_INDEX,
          KeyConditionExpression: '#status = :status AND #updated >= :since',
          ExpressionAttributeNames: { '#status': 'status', '#updated': 'updatedAt' },
          ExpressionAttributeValues: { ':status': status, ':since': since },
        },
        max,
        CHANGE_PAGE,
      ),
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
    async takeNumber(alertId) {
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
      // A number is new the moment it is taken, so its lookup item is too.
      await options.ddb.send(
        new PutCommand({ TableName: options.table, Item: { id: numberLookupId(last), alertId }, ConditionExpression: 'attribute_not_exists(id)' }),
      );
      return last;
    },
    async getByNumber(number) {
      const result = await options.ddb.send(new GetCommand({ TableName: options.table, Key: { id: numberLookupId(number) }, ConsistentRead: true }));
      const id = result.Item?.['alertId'];
      if (typeof id !== 'string') return undefined;
      const alert = await alerts.get(id);
      // A delivery that lost the race for an alert took a number the alert never kept.
      return alert?.number === number ? alert : undefined;
    },
  };
}
