import { DescribeContinuousBackupsCommand, DescribeTableCommand, paginateListTables } from '@aws-sdk/client-dynamodb';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, plainOrNull } from '../resources/base';
import { DYNAMODB_TABLE, type DynamoDbTable } from '../resources/dynamodb-table';

function tableArn(name: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:dynamodb:${ctx.region}:${ctx.accountId}:table/${name}`;
}

/** Every table as DescribeTable describes it, with its point-in-time recovery status. */
export async function collectDynamoDbTables(clients: Pick<ScanClients, 'dynamodb'>, ctx: CollectContext): Promise<CollectionResult<DynamoDbTable>> {
  let names: string[];
  try {
    const pages = await listAll(ctx, 'ListTables', paginateListTables, clients.dynamodb, {}, (page) => page.LastEvaluatedTableName);
    names = pages.flatMap((page) => page.TableNames ?? []);
  } catch (error) {
    return listingFailed(ctx, DYNAMODB_TABLE, error);
  }
  return describeEach(
    ctx,
    DYNAMODB_TABLE,
    names,
    (name) => tableArn(name, ctx),
    async (TableName) => {
      try {
        const [described, backups] = await Promise.all([
          send(ctx, 'DescribeTable', () => clients.dynamodb.send(new DescribeTableCommand({ TableName }))),
          send(ctx, 'DescribeContinuousBackups', () => clients.dynamodb.send(new DescribeContinuousBackupsCommand({ TableName }))),
        ]);
        const table = described?.Table ?? {};
        const arn = table.TableArn ?? tableArn(TableName, ctx);
        return {
          ...(plain(table) as object),
          ResourceType: DYNAMODB_TABLE,
          ResourceId: arn,
          AccountId: ctx.accountId,
          Region: ctx.region,
          Arn: arn,
          Id: table.TableId ?? null,
          Name: TableName,
          Tags: null,
          TimeCreated: isoOrNull(table.CreationDateTime),
          ContinuousBackupsDescription: plainOrNull(backups?.ContinuousBackupsDescription),
        };
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['ResourceNotFoundException', 'TableNotFoundException'])) return undefined;
        throw error;
      }
    },
  );
}

export const dynamoDbTableCollector: Collector<typeof DYNAMODB_TABLE> = {
  resourceType: DYNAMODB_TABLE,
  scope: 'region',
  permissions: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dynamodb:DescribeContinuousBackups'],
  collect: collectDynamoDbTables,
};
