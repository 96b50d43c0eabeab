import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DigestLedger } from '../notify/post-digests';
import { conditionalWrite } from './conditional-write';

/** A claim with no posted message is taken over after this long (the run died mid-post). */
const STALE_CLAIM_MINUTES = 15;
/** Claims are kept a few days: the only question asked of them is about today. */
const KEEP_DAYS = 3;

/**
 * Digest claims in the settings table (partition `digest`), one item per day and channel, written
 * with conditional puts so concurrent or retried runs claim each channel's day once.
 */
export function createDynamoDigestLedger(options: { ddb: DynamoDBDocumentClient; table: string }): DigestLedger {
  const key = (channel: string, day: string): Record<string, string> => ({ kind: 'digest', id: `${day}#${channel}` });
  const mark = async (channel: string, day: string, state: 'posted' | 'released', ts?: string): Promise<void> => {
    await options.ddb.send(
      new UpdateCommand({
        TableName: options.table,
        Key: key(channel, day),
        UpdateExpression: ts ? 'SET #state = :state, #ts = :ts' : 'SET #state = :state',
        ExpressionAttributeNames: { '#state': 'state', ...(ts ? { '#ts': 'ts' } : {}) },
        ExpressionAttributeValues: { ':state': state, ...(ts ? { ':ts': ts } : {}) },
      }),
    );
  };
  return {
    async claim(channel, day, now) {
      return conditionalWrite(() =>
        options.ddb.send(
          new PutCommand({
            TableName: options.table,
            Item: {
              ...key(channel, day),
              state: 'claimed',
              claimedAt: now.toUTC().toISO(),
              expiresAt: Math.floor(now.plus({ days: KEEP_DAYS }).toSeconds()),
            },
            ConditionExpression: 'attribute_not_exists(id) OR #state = :released OR (#state = :claimed AND #claimedAt < :stale)',
            ExpressionAttributeNames: { '#state': 'state', '#claimedAt': 'claimedAt' },
            ExpressionAttributeValues: {
              ':released': 'released',
              ':claimed': 'claimed',
              ':stale': now.minus({ minutes: STALE_CLAIM_MINUTES }).toUTC().toISO(),
            },
          }),
        ),
      );
    },
    posted: (channel, day, ts) => mark(channel, day, 'posted', ts),
    release: (channel, day) => mark(channel, day, 'released'),
  };
}
