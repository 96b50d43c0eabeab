import { DescribeClusterCommand, paginateListClusters } from '@aws-sdk/client-eks';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, pascalKeys } from '../resources/base';
import { EKS_CLUSTER, type EksCluster } from '../resources/eks-cluster';

function clusterArn(name: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:eks:${ctx.region}:${ctx.accountId}:cluster/${name}`;
}

/** Every cluster as DescribeCluster describes it, with Panther's capitalized field names. */
export async function collectEksClusters(clients: Pick<ScanClients, 'eks'>, ctx: CollectContext): Promise<CollectionResult<EksCluster>> {
  let names: string[];
  try {
    const pages = await listAll(ctx, 'ListClusters', paginateListClusters, clients.eks, {}, (page) => page.nextToken);
    names = pages.flatMap((page) => page.clusters ?? []);
  } catch (error) {
    return listingFailed(ctx, EKS_CLUSTER, error);
  }
  return describeEach(
    ctx,
    EKS_CLUSTER,
    names,
    (name) => clusterArn(name, ctx),
    async (name) => {
      try {
        const answer = await send(ctx, 'DescribeCluster', () => clients.eks.send(new DescribeClusterCommand({ name })));
        // Tag keys are the user's data, so they stay as written; every other member name is capitalized.
        const { tags, ...cluster } = answer?.cluster ?? {};
        const arn = cluster.arn ?? clusterArn(name, ctx);
        return {
          ...(pascalKeys(cluster) as object),
          ResourceType: EKS_CLUSTER,
          ResourceId: arn,
          AccountId: ctx.accountId,
          Region: ctx.region,
          Arn: arn,
          Id: cluster.id ?? null,
          Name: cluster.name ?? name,
          Tags: tags && Object.keys(tags).length > 0 ? tags : null,
          TimeCreated: isoOrNull(cluster.createdAt),
        };
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['ResourceNotFoundException'])) return undefined;
        throw error;
      }
    },
  );
}

export const eksClusterCollector: Collector<typeof EKS_CLUSTER> = {
  resourceType: EKS_CLUSTER,
  scope: 'region',
  permissions: ['eks:ListClusters', 'eks:DescribeCluster'],
  collect: collectEksClusters,
};
