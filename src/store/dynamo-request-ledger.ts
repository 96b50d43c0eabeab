import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DateTime } from 'luxon';
import type { RequestLedger } from '../slack/request-ledger';
import { conditionalWrite } from './conditional-write';

/**
 * Slack requests table: key `signature`, TTL on `expiresAt`. A conditional put claims a signature;
 * it succeeds over an item whose time has passed, because DynamoDB deletes expired items lazily and
 * the local emulator never does.
 */
export function createDynamoRequestLedger(options: { ddb: DynamoDBDocumentClient; table: string; now: () => DateTime }): RequestLedger {
  return {
    async firstSeen(signature, expiresAt) {
      return conditionalWrite(() =>
        options.ddb.send(
          new PutCommand({
            TableName: options.table,
            Item: { signature, expiresAt: Math.ceil(expiresAt.toSeconds()) },
            ConditionExpression: 'attribute_not_exists(#signature) OR #expiresAt < :now',
            ExpressionAttributeNames: { '#signature': 'signature', '#expiresAt': 'expiresAt' },
            ExpressionAttributeValues: { ':now': Math.floor(options.now().toSeconds()) },
          }),
        ),
      );
    },
  };
}
