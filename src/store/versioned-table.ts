import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ProwlError } from '../errors';
import type { JsonAttributes } from './json-attributes';

export interface Versioned {
  version: number;
}

import type { Change, MutateResult } from '../alerts/versioned-change';

export type { Change, MutateResult };

const MAX_ATTEMPTS = 8;

/**
 * Read–change–conditional-write on one item, retried on a lost race. Each item carries a version;
 * a write succeeds only if nobody wrote since we read. Single-item conditional puts behave the
 * same in DynamoDB and in dynalite, unlike transactions.
 */
export class VersionedTable<T extends Versioned> {
  /**
   * @param keyOf the item's key attributes for an id: `{ id }` for a simple key, or a partition and
   *   sort key such as `{ kind: 'rule', id }`. The first attribute is the one checked for existence.
   */
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly keyOf: (id: string) => Record<string, string>,
    /** How fields that carry log data are written (as JSON text); plain attributes when omitted. */
    private readonly codec?: JsonAttributes<T>,
  ) {}

  /** Reads an item as returned by a get or a query into its value. */
  decode(item: Record<string, unknown>): T {
    return this.codec ? this.codec.fromItem(item) : (item as T);
  }

  async get(id: string): Promise<T | undefined> {
    const result = await this.ddb.send(new GetCommand({ TableName: this.table, Key: this.keyOf(id), ConsistentRead: true }));
    return result.Item ? this.decode(result.Item) : undefined;
  }

  async mutate(id: string, change: Change<T>): Promise<MutateResult<T>> {
    const key = this.keyOf(id);
    const partitionAttribute = Object.keys(key)[0]!;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = await this.get(id);
      const next = change(before);
      if (next === before || next === undefined) return { before, after: before, written: false };
      const item = { ...next, ...key, version: (before?.version ?? 0) + 1 };
      try {
        await this.ddb.send(
          new PutCommand({
            TableName: this.table,
            Item: this.codec ? this.codec.toItem(item) : item,
            ConditionExpression: before ? '#version = :version' : 'attribute_not_exists(#key)',
            ExpressionAttributeNames: before ? { '#version': 'version' } : { '#key': partitionAttribute },
            ...(before ? { ExpressionAttributeValues: { ':version': before.version } } : {}),
          }),
        );
        return { before, after: item, written: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
    throw new ProwlError('prowl_conflict', `item ${id} in ${this.table} kept changing under us; gave up after ${MAX_ATTEMPTS} attempts`);
  }
}
