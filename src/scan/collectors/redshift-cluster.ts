import { DescribeLoggingStatusCommand, paginateDescribeClusters, type Cluster } from '@aws-sdk/client-redshift';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, plainOrNull, tagMap } from '../resources/base';
import { REDSHIFT_CLUSTER, type RedshiftCluster } from '../resources/redshift-cluster';

type NamedCluster = Cluster & { ClusterIdentifier: string };

function clusterArn(cluster: NamedCluster, ctx: CollectContext): string {
  return `arn:${ctx.partition}:redshift:${ctx.region}:${ctx.accountId}:cluster:${cluster.ClusterIdentifier}`;
}

/** Every provisioned cluster as DescribeClusters describes it, with whether it writes audit logs. */
export async function collectRedshiftClusters(clients: Pick<ScanClients, 'redshift'>, ctx: CollectContext): Promise<CollectionResult<RedshiftCluster>> {
  let clusters: NamedCluster[];
  try {
    const pages = await listAll(ctx, 'DescribeClusters', paginateDescribeClusters, clients.redshift, {}, (page) => page.Marker);
    clusters = pages.flatMap((page) => page.Clusters ?? []).filter((cluster): cluster is NamedCluster => typeof cluster.ClusterIdentifier === 'string');
  } catch (error) {
    return listingFailed(ctx, REDSHIFT_CLUSTER, error);
  }
  return describeEach(
    ctx,
    REDSHIFT_CLUSTER,
    clusters,
    (cluster) => clusterArn(cluster, ctx),
    async (cluster) => {
      try {
        const ClusterIdentifier = cluster.ClusterIdentifier;
        const logging = await send(ctx, 'DescribeLoggingStatus', () => clients.redshift.send(new DescribeLoggingStatusCommand({ ClusterIdentifier })));
        const arn = clusterArn(cluster, ctx);
        const { Tags, ...fields } = cluster;
        return {
          ...(plain(fields) as object),
          ResourceType: REDSHIFT_CLUSTER,
          ResourceId: arn,
          AccountId: ctx.accountId,
          Region: ctx.region,
          Arn: arn,
          Id: ClusterIdentifier,
          Name: ClusterIdentifier,
          Tags: tagMap(Tags),
          TimeCreated: isoOrNull(cluster.ClusterCreateTime),
          LoggingStatus: plainOrNull(logging),
        };
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['ClusterNotFound', 'ClusterNotFoundFault'])) return undefined;
        throw error;
      }
    },
  );
}

export const redshiftClusterCollector: Collector<typeof REDSHIFT_CLUSTER> = {
  resourceType: REDSHIFT_CLUSTER,
  scope: 'region',
  permissions: ['redshift:DescribeClusters', 'redshift:DescribeLoggingStatus'],
  collect: collectRedshiftClusters,
};
