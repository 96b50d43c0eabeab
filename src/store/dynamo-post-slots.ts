import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ProwlError } from '../errors';
import type { PostSlots } from '../notify/post-pacer';

const MAX_ATTEMPTS = 25;
/** A channel's booking is only ever read for the next few seconds; TTL tidies idle channels. */
const KEEP_SECONDS = 3600;

/**
 * Posting slots in the settings table (partition `slack-pace`, one item per channel holding the
 * next free slot; partition `slack-pace-alias` maps channel ids to the names alerts are routed to). A booking is a conditional put on the value read, so two workers never book
 * the same slot; the loser reads again and books the next one.
 */
export function createDynamoPostSlots(options: { ddb: DynamoDBDocumentClient; table: string }): PostSlots {
  return {
    async aliasOf(channel) {
      const { Item } = await options.ddb.send(new GetCommand({ TableName: options.table, Key: { kind: 'slack-pace-alias', id: channel } }));
      return typeof Item?.['name'] === 'string' ? Item['name'] : undefined;
    },
    async recordAlias(channelId, name) {
      await options.ddb.send(new PutCommand({ TableName: options.table, Item: { kind: 'slack-pace-alias', id: channelId, name } }));
    },
    async reserve(channel, nowMs, spacingMs, maxAheadMs) {
      const key = { kind: 'slack-pace', id: channel };
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const { Item } = await options.ddb.send(new GetCommand({ TableName: options.table, Key: key, ConsistentRead: true }));
        const next = typeof Item?.['nextAtMs'] === 'number' ? Item['nextAtMs'] : undefined;
        const atMs = Math.max(nowMs, next ?? 0);
        if (atMs - nowMs > maxAheadMs) return { reserved: false, atMs };
        try {
          await options.ddb.send(
            new PutCommand({
              TableName: options.table,
              Item: { ...key, nextAtMs: atMs + spacingMs, expiresAt: Math.floor(atMs / 1000) + KEEP_SECONDS },
              ...(next === undefined
                ? { ConditionExpression: 'attribute_not_exists(id)' }
                : { ConditionExpression: 'nextAtMs = :next', ExpressionAttributeValues: { ':next': next } }),
            }),
          );
          return { reserved: true, atMs };
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
      throw new ProwlError('prowl_conflict', `could not book a posting slot for ${channel} after ${MAX_ATTEMPTS} attempts; will retry`);
    },
  };
}
