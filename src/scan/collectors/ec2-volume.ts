import { DescribeSnapshotAttributeCommand, paginateDescribeSnapshots, paginateDescribeVolumes, type Snapshot, type Volume } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, mapLimit, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, tagMap } from '../resources/base';
import { EC2_VOLUME, type Ec2Volume } from '../resources/ec2-volume';

type ListedVolume = Volume & { VolumeId: string };

function volumeArn(id: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:volume/${id}`;
}

/**
 * Volumes with the account's own snapshots of each and who may create volumes from them (a
 * snapshot shared with Group "all" is public). Snapshots are listed once per region.
 */
export async function collectEc2Volumes(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2Volume>> {
  let volumes: ListedVolume[];
  const snapshotsByVolume = new Map<string, unknown[]>();
  try {
    const [volumePages, snapshotPages] = await Promise.all([
      listAll(ctx, 'DescribeVolumes', paginateDescribeVolumes, clients.ec2, {}, (page) => page.NextToken),
      listAll(ctx, 'DescribeSnapshots', paginateDescribeSnapshots, clients.ec2, { OwnerIds: ['self'] }, (page) => page.NextToken),
    ]);
    volumes = volumePages.flatMap((page) => page.Volumes ?? []).filter((volume): volume is ListedVolume => typeof volume.VolumeId === 'string');
    const snapshots = snapshotPages
      .flatMap((page) => page.Snapshots ?? [])
      .filter(
        (snapshot): snapshot is Snapshot & { SnapshotId: string; VolumeId: string } =>
          typeof snapshot.SnapshotId === 'string' && typeof snapshot.VolumeId === 'string',
      );
    const described = await mapLimit(snapshots, ctx.concurrency, async (snapshot) => {
      const attribute = await send(ctx, 'DescribeSnapshotAttribute', () =>
        clients.ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: snapshot.SnapshotId, Attribute: 'createVolumePermission' })),
      );
      return {
        volumeId: snapshot.VolumeId,
        snapshot: { ...(plain(snapshot) as object), CreateVolumePermissions: plain(attribute?.CreateVolumePermissions ?? []) },
      };
    });
    for (const { volumeId, snapshot } of described) snapshotsByVolume.set(volumeId, [...(snapshotsByVolume.get(volumeId) ?? []), snapshot]);
  } catch (error) {
    return listingFailed(ctx, EC2_VOLUME, error);
  }
  return describeEach(
    ctx,
    EC2_VOLUME,
    volumes,
    (volume) => volumeArn(volume.VolumeId, ctx),
    async (volume) => {
      const arn = volumeArn(volume.VolumeId, ctx);
      const name = volume.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? null;
      return {
        ...(plain(volume) as object),
        ResourceType: EC2_VOLUME,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Id: volume.VolumeId,
        Name: name,
        Tags: tagMap(volume.Tags),
        TimeCreated: isoOrNull(volume.CreateTime),
        Snapshots: snapshotsByVolume.get(volume.VolumeId) ?? [],
      };
    },
  );
}

export const ec2VolumeCollector: Collector<typeof EC2_VOLUME> = {
  resourceType: EC2_VOLUME,
  scope: 'region',
  permissions: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'],
  collect: collectEc2Volumes,
};
