import type { ResourceStore } from '../scan/resource-store';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Resource } from '../scan/resource-types';
import { jsonAttributes } from './json-attributes';

const BATCH = 25;
const KEEP_DAYS = 7;

export function createDynamoResourceStore(options: { ddb: DynamoDBDocumentClient; table: string }): ResourceStore {
  // Tag keys, policy documents and names are chosen by whoever administers the account: stored as JSON text.
  const codec = jsonAttributes<{ resource: Resource }>(['resource']);
  return {
    async save(resources, scannedAt) {
      const expiresAt = Math.floor(scannedAt.plus({ days: KEEP_DAYS }).toSeconds());
      for (let i = 0; i < resources.length; i += BATCH) {
        let items: Record<string, unknown>[] = resources
          .slice(i, i + BATCH)
          .map((resource) => ({ resourceId: resource.ResourceId, ...codec.toItem({ resource }), scannedAt: scannedAt.toUTC().toISO(), expiresAt }));
        // A snapshot, not state: plain batch puts, with unprocessed items sent again.
        for (let attempt = 0; items.length > 0 && attempt < 5; attempt++) {
          const result = await options.ddb.send(new BatchWriteCommand({ RequestItems: { [options.table]: items.map((Item) => ({ PutRequest: { Item } })) } }));
          items = (result.UnprocessedItems?.[options.table] ?? [])
            .map((request) => request.PutRequest?.Item ?? {})
            .filter((item) => Object.keys(item).length > 0);
        }
      }
    },
  };
}
