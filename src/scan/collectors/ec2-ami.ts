import { paginateDescribeImages, type Image } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain, tagMap } from '../resources/base';
import { EC2_AMI, type Ec2Ami } from '../resources/ec2-ami';

type ListedImage = Image & { ImageId: string };

function imageArn(id: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}::image/${id}`;
}

/** Images the account owns (never the public catalogue). */
export async function collectEc2Amis(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2Ami>> {
  let images: ListedImage[];
  try {
    const pages = await listAll(ctx, 'DescribeImages', paginateDescribeImages, clients.ec2, { Owners: ['self'] }, (page) => page.NextToken);
    images = pages.flatMap((page) => page.Images ?? []).filter((image): image is ListedImage => typeof image.ImageId === 'string');
  } catch (error) {
    return listingFailed(ctx, EC2_AMI, error);
  }
  return describeEach(
    ctx,
    EC2_AMI,
    images,
    (image) => imageArn(image.ImageId, ctx),
    async (image) => {
      const arn = imageArn(image.ImageId, ctx);
      return {
        ...(plain(image) as object),
        ResourceType: EC2_AMI,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Id: image.ImageId,
        Name: image.Name ?? null,
        Tags: tagMap(image.Tags),
        TimeCreated: image.CreationDate ?? null,
      };
    },
  );
}

export const ec2AmiCollector: Collector<typeof EC2_AMI> = {
  resourceType: EC2_AMI,
  scope: 'region',
  permissions: ['ec2:DescribeImages'],
  collect: collectEc2Amis,
};
