import { DescribeDBSnapshotAttributesCommand, paginateDescribeDBInstances, paginateDescribeDBSnapshots, type DBInstance } from '@aws-sdk/client-rds';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, mapLimit, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, tagMap } from '../resources/base';
import { RDS_INSTANCE, type RdsInstance } from '../resources/rds-instance';

type NamedInstance = DBInstance & { DBInstanceIdentifier: string };

function instanceArn(instance: NamedInstance, ctx: CollectContext): string {
  return instance.DBInstanceArn ?? `arn:${ctx.partition}:rds:${ctx.region}:${ctx.accountId}:db:${instance.DBInstanceIdentifier}`;
}

/** Who may restore each of the instance's manual snapshots (Panther's SnapshotAttributes; "all" means public). */
async function snapshotAttributes(clients: Pick<ScanClients, 'rds'>, ctx: CollectContext, DBInstanceIdentifier: string): Promise<unknown[]> {
  const pages = await listAll(
    ctx,
    'DescribeDBSnapshots',
    paginateDescribeDBSnapshots,
    clients.rds,
    { DBInstanceIdentifier, SnapshotType: 'manual' },
    (page) => page.Marker,
  );
  const ids = pages.flatMap((page) => page.DBSnapshots ?? []).flatMap((snapshot) => (snapshot.DBSnapshotIdentifier ? [snapshot.DBSnapshotIdentifier] : []));
  const results = await mapLimit(ids, ctx.concurrency, async (DBSnapshotIdentifier) => {
    try {
      const answer = await send(ctx, 'DescribeDBSnapshotAttributes', () => clients.rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier })));
      return answer?.DBSnapshotAttributesResult ? [plain(answer.DBSnapshotAttributesResult)] : [];
    } catch (error) {
      // A snapshot deleted since the listing shares nothing.
      if (error instanceof AwsCallFailure && isAbsent(error.cause, ['DBSnapshotNotFound', 'DBSnapshotNotFoundFault'])) return [];
      throw error;
    }
  });
  return results.flat();
}

/** Every DB instance as DescribeDBInstances describes it, with the sharing attributes of its manual snapshots. */
export async function collectRdsInstances(clients: Pick<ScanClients, 'rds'>, ctx: CollectContext): Promise<CollectionResult<RdsInstance>> {
  let instances: NamedInstance[];
  try {
    const pages = await listAll(ctx, 'DescribeDBInstances', paginateDescribeDBInstances, clients.rds, {}, (page) => page.Marker);
    instances = pages
      .flatMap((page) => page.DBInstances ?? [])
      .filter((instance): instance is NamedInstance => typeof instance.DBInstanceIdentifier === 'string');
  } catch (error) {
    return listingFailed(ctx, RDS_INSTANCE, error);
  }
  return describeEach(
    ctx,
    RDS_INSTANCE,
    instances,
    (instance) => instanceArn(instance, ctx),
    async (instance) => {
      const arn = instanceArn(instance, ctx);
      const { TagList, ...fields } = instance;
      return {
        ...(plain(fields) as object),
        ResourceType: RDS_INSTANCE,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Id: instance.DbiResourceId ?? null,
        Name: instance.DBInstanceIdentifier,
        Tags: tagMap(TagList),
        TimeCreated: isoOrNull(instance.InstanceCreateTime),
        SnapshotAttributes: await snapshotAttributes(clients, ctx, instance.DBInstanceIdentifier),
      };
    },
  );
}

export const rdsInstanceCollector: Collector<typeof RDS_INSTANCE> = {
  resourceType: RDS_INSTANCE,
  scope: 'region',
  permissions: ['rds:DescribeDBInstances', 'rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes'],
  collect: collectRdsInstances,
};
