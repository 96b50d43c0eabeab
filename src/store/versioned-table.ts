import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ProwlError } from '../errors';

export interface Versioned {
  version: number;
}

export interface MutateResult<T> {
  before: T | undefined;
  after: T | undefined;
  /** False when the change function returned the item unchanged. */
  written: boolean;
}

/** Returns the next state, or the current object itself (or undefined when absent) to write nothing. */
export type Change<T> = (current: T | undefined) => T | undefined;

const MAX_ATTEMPTS = 8;

/**
 * Read–change–conditional-write on one item, retried on a lost race. Each item carries a version;
 * a write succeeds only if nobody wrote since we read. Single-item conditional puts behave the
 * same in DynamoDB and in dynalite, unlike transactions.
 */
export class VersionedTable<T extends Versioned> {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly keyName: string,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const result = await this.ddb.send(new GetCommand({ TableName: this.table, Key: { [this.keyName]: key }, ConsistentRead: true }));
    return result.Item as T | undefined;
  }

  async mutate(key: string, change: Change<T>): Promise<MutateResult<T>> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = await this.get(key);
      const next = change(before);
      if (next === before || next === undefined) return { before, after: before, written: false };
      const item = { ...next, [this.keyName]: key, version: (before?.version ?? 0) + 1 };
      try {
        await this.ddb.send(
          new PutCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: before ? '#version = :version' : 'attribute_not_exists(#key)',
            ExpressionAttributeNames: before ? { '#version': 'version' } : { '#key': this.keyName },
            ...(before ? { ExpressionAttributeValues: { ':version': before.version } } : {}),
          }),
        );
        return { before, after: item, written: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
    throw new ProwlError('prowl_conflict', `item ${key} in ${this.table} kept changing under us; gave up after ${MAX_ATTEMPTS} attempts`);
  }
}
