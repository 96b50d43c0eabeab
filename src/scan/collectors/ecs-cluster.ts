import { DescribeClustersCommand, DescribeServicesCommand, paginateListClusters, paginateListServices } from '@aws-sdk/client-ecs';
import { describeEach, listAll, listingFailed, mapLimit, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { pascalKeys } from '../resources/base';
import { ECS_CLUSTER, type EcsCluster } from '../resources/ecs-cluster';

/** Members of ECS types that map user-chosen keys (log driver options such as awslogs-group) to values. */
const DATA_MAPS = new Set(['options']);

/** DescribeServices takes at most ten services a call. */
const SERVICES_PER_CALL = 10;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** ECS tags are {key, value}; as everywhere else, they become one map, or null when there are none. */
function ecsTags(tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }> | undefined): Record<string, string> | null {
  if (!tags || tags.length === 0) return null;
  return Object.fromEntries(tags.flatMap((tag) => (tag.key === undefined ? [] : [[tag.key, tag.value ?? '']])));
}

async function describeServices(clients: Pick<ScanClients, 'ecs'>, ctx: CollectContext, cluster: string): Promise<unknown[]> {
  const pages = await listAll(ctx, 'ListServices', paginateListServices, clients.ecs, { cluster }, (page) => page.nextToken);
  const arns = pages.flatMap((page) => page.serviceArns ?? []);
  const described = await mapLimit(chunks(arns, SERVICES_PER_CALL), ctx.concurrency, async (services) => {
    const answer = await send(ctx, 'DescribeServices', () => clients.ecs.send(new DescribeServicesCommand({ cluster, services })));
    return answer?.services ?? [];
  });
  return described.flat().map((service) => pascalKeys(service, DATA_MAPS));
}

/** Every cluster with its settings, ECS Exec configuration and statistics, and its services, members capitalized as Panther's. */
export async function collectEcsClusters(clients: Pick<ScanClients, 'ecs'>, ctx: CollectContext): Promise<CollectionResult<EcsCluster>> {
  let arns: string[];
  try {
    const pages = await listAll(ctx, 'ListClusters', paginateListClusters, clients.ecs, {}, (page) => page.nextToken);
    arns = pages.flatMap((page) => page.clusterArns ?? []);
  } catch (error) {
    return listingFailed(ctx, ECS_CLUSTER, error);
  }
  return describeEach(
    ctx,
    ECS_CLUSTER,
    arns,
    (arn) => arn,
    async (arn) => {
      const answer = await send(ctx, 'DescribeClusters', () =>
        clients.ecs.send(new DescribeClustersCommand({ clusters: [arn], include: ['SETTINGS', 'CONFIGURATIONS', 'STATISTICS', 'TAGS'] })),
      );
      const found = answer?.clusters?.find((cluster) => cluster.clusterArn === arn);
      // Deleted since the listing: DescribeClusters names it under failures (MISSING), or as INACTIVE.
      if (!found || found.status === 'INACTIVE') return undefined;
      const { tags, ...cluster } = found;
      return {
        ...(pascalKeys(cluster, DATA_MAPS) as object),
        ResourceType: ECS_CLUSTER,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Id: null,
        Name: cluster.clusterName ?? arn.split('/').pop() ?? null,
        Tags: ecsTags(tags),
        TimeCreated: null,
        Services: await describeServices(clients, ctx, arn),
      };
    },
  );
}

export const ecsClusterCollector: Collector<typeof ECS_CLUSTER> = {
  resourceType: ECS_CLUSTER,
  scope: 'region',
  permissions: ['ecs:ListClusters', 'ecs:DescribeClusters', 'ecs:ListServices', 'ecs:DescribeServices'],
  collect: collectEcsClusters,
};
