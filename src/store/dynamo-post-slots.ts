import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PostSlots } from '../notify/post-pacer';
import { conditionalWrite } from './conditional-write';

/** A channel's turn is only ever read for the next few seconds; TTL tidies idle channels. */
const KEEP_SECONDS = 3600;

/**
 * Posting turns in the settings table: partition `slack-pace`, one item per channel with when the
 * next post may start (`nextAtMs`) and until when a worker holds the turn (`heldUntilMs`); partition
 * `slack-pace-alias` maps channel ids to the names alerts are routed to. Taking the turn is one
 * conditional update, so two workers never hold it at once.
 */
export function createDynamoPostSlots(options: { ddb: DynamoDBDocumentClient; table: string }): PostSlots {
  const key = (channel: string): Record<string, string> => ({ kind: 'slack-pace', id: channel });
  return {
    async take(channel, nowMs, holdUntilMs) {
      const taken = await conditionalWrite(() =>
        options.ddb.send(
          new UpdateCommand({
            TableName: options.table,
            Key: key(channel),
            UpdateExpression: 'SET heldUntilMs = :hold, expiresAt = :expires',
            ConditionExpression: '(attribute_not_exists(heldUntilMs) OR heldUntilMs <= :now) AND (attribute_not_exists(nextAtMs) OR nextAtMs <= :now)',
            ExpressionAttributeValues: { ':hold': holdUntilMs, ':now': nowMs, ':expires': Math.floor(nowMs / 1000) + KEEP_SECONDS },
          }),
        ),
      );
      if (taken) return { taken: true };
      const { Item } = await options.ddb.send(new GetCommand({ TableName: options.table, Key: key(channel), ConsistentRead: true }));
      const number = (name: string): number => (typeof Item?.[name] === 'number' ? (Item[name] as number) : 0);
      return { taken: false, held: number('heldUntilMs') > nowMs, nextAtMs: Math.max(nowMs, number('nextAtMs')) };
    },
    async giveBack(channel, heldUntilMs, nextAtMs) {
      // Not written when the hold expired and another worker took the turn: it is theirs to give back.
      await conditionalWrite(() =>
        options.ddb.send(
          new UpdateCommand({
            TableName: options.table,
            Key: key(channel),
            UpdateExpression: 'SET nextAtMs = :next REMOVE heldUntilMs',
            ConditionExpression: 'heldUntilMs = :held',
            ExpressionAttributeValues: { ':next': nextAtMs, ':held': heldUntilMs },
          }),
        ),
      );
    },
    async aliasOf(channel) {
      const { Item } = await options.ddb.send(new GetCommand({ TableName: options.table, Key: { kind: 'slack-pace-alias', id: channel } }));
      return typeof Item?.['name'] === 'string' ? Item['name'] : undefined;
    },
    async recordAlias(channelId, name) {
      await options.ddb.send(new PutCommand({ TableName: options.table, Item: { kind: 'slack-pace-alias', id: channelId, name } }));
    },
  };
}
