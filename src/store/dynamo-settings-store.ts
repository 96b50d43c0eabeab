import { QueryCommand, UpdateCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettingsStore, TeamRoute } from '../alerts/settings-store';
import type { Suppression } from '../alerts/suppression';
import type { RuleState } from '../detect/rule-state';
import { VersionedTable, type Change, type MutateResult, type Versioned } from './versioned-table';

type Kind = 'rule' | 'suppression' | 'route';

/**
 * Settings table: partition `kind` (rule | suppression | route | meta), sort `id`. The item
 * (meta, version) counts changes; readers compare it instead of re-reading everything per batch.
 */
export function createDynamoSettingsStore(options: { ddb: DynamoDBDocumentClient; table: string }): SettingsStore {
  const { ddb, table } = options;
  const tableOf = <T extends Versioned>(kind: Kind): VersionedTable<T> => new VersionedTable<T>(ddb, table, (id) => ({ kind, id }));
  const rules = tableOf<RuleState>('rule');
  const suppressions = tableOf<Suppression>('suppression');
  const routes = tableOf<TeamRoute>('route');

  async function list<T>(kind: Kind): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: '#kind = :kind',
          ExpressionAttributeNames: { '#kind': 'kind' },
          ExpressionAttributeValues: { ':kind': kind },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      items.push(...((page.Items ?? []) as T[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async function bumpVersion(): Promise<void> {
    await ddb.send(
      new UpdateCommand({
        TableName: table,
        Key: { kind: 'meta', id: 'version' },
        UpdateExpression: 'ADD #v :one',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }

  /** Writes, then bumps the version so every worker sees the change at its next batch. */
  function changing<T extends Versioned>(store: VersionedTable<T>) {
    return async (id: string, change: Change<T>): Promise<MutateResult<T>> => {
      const result = await store.mutate(id, change);
      if (result.written) await bumpVersion();
      return result;
    };
  }

  return {
    async version() {
      const result = await ddb.send(new GetCommand({ TableName: table, Key: { kind: 'meta', id: 'version' }, ConsistentRead: true }));
      return Number(result.Item?.['version'] ?? 0);
    },
    ruleStates: () => list<RuleState>('rule'),
    ruleState: (ruleId) => rules.get(ruleId),
    mutateRuleState: changing(rules),
    suppressions: () => list<Suppression>('suppression'),
    suppression: (id) => suppressions.get(id),
    mutateSuppression: changing(suppressions),
    // Counting suppressed matches does not change what workers do, so it does not bump the version.
    countSuppressed: (id, change) => suppressions.mutate(id, change),
    routes: () => list<TeamRoute>('route'),
    mutateRoute: changing(routes),
  };
}
