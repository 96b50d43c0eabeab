import { paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, tagMap } from '../resources/base';
import { EC2_INSTANCE, type Ec2Instance } from '../resources/ec2-instance';

type ListedInstance = Instance & { InstanceId: string };

function instanceArn(id: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/${id}`;
}

/** Every instance DescribeInstances lists (terminated ones included until AWS forgets them), as it describes them. */
export async function collectEc2Instances(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2Instance>> {
  let instances: ListedInstance[];
  try {
    const pages = await listAll(ctx, 'DescribeInstances', paginateDescribeInstances, clients.ec2, {}, (page) => page.NextToken);
    instances = pages
      .flatMap((page) => page.Reservations ?? [])
      .flatMap((reservation) => reservation.Instances ?? [])
      .filter((instance): instance is ListedInstance => typeof instance.InstanceId === 'string' && instance.State?.Name !== 'terminated');
  } catch (error) {
    return listingFailed(ctx, EC2_INSTANCE, error);
  }
  return describeEach(
    ctx,
    EC2_INSTANCE,
    instances,
    (instance) => instanceArn(instance.InstanceId, ctx),
    async (instance) => {
      const arn = instanceArn(instance.InstanceId, ctx);
      const name = instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? null;
      return {
        ...(plain(instance) as object),
        ResourceType: EC2_INSTANCE,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Id: instance.InstanceId,
        Name: name,
        Tags: tagMap(instance.Tags),
        TimeCreated: isoOrNull(instance.LaunchTime),
      };
    },
  );
}

export const ec2InstanceCollector: Collector<typeof EC2_INSTANCE> = {
  resourceType: EC2_INSTANCE,
  scope: 'region',
  permissions: ['ec2:DescribeInstances'],
  collect: collectEc2Instances,
};
