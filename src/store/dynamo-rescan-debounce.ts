import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RescanDebounce } from '../scan/rescan-requests';
import { conditionalWrite } from './conditional-write';

/**
 * Re-scan claims in the settings table (partition `rescan`), one item per resource and window,
 * created with a conditional put so concurrent ingests claim a window once. Items expire a day
 * later; readers never list them.
 */
export function createDynamoRescanDebounce(options: { ddb: DynamoDBDocumentClient; table: string }): RescanDebounce {
  return {
    async claim(key, windowStart, expiresAt) {
      return conditionalWrite(() =>
        options.ddb.send(
          new PutCommand({
            TableName: options.table,
            Item: { kind: 'rescan', id: `${key}@${windowStart.toUTC().toISO()}`, expiresAt: Math.floor(expiresAt.toSeconds()) },
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        ),
      );
    },
  };
}
