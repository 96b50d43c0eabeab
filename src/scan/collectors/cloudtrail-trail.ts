import { GetTrailCommand, GetTrailStatusCommand, paginateListTags, paginateListTrails, type TrailInfo } from '@aws-sdk/client-cloudtrail';
import { describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, tagMap } from '../resources/base';
import { CLOUDTRAIL_TRAIL, type CloudTrailTrail } from '../resources/cloudtrail-trail';

type ListedTrail = TrailInfo & { TrailARN: string };

/** The account id inside an ARN (`arn:aws:cloudtrail:us-east-1:123456789012:trail/x`). */
function accountOf(arn: string): string | undefined {
  return arn.split(':')[4];
}

async function describeTrail(listed: ListedTrail, clients: Pick<ScanClients, 'cloudtrail'>, ctx: CollectContext): Promise<CloudTrailTrail> {
  const Name = listed.TrailARN;
  const [trailOutput, status, tagPages] = await Promise.all([
    send(ctx, 'GetTrail', () => clients.cloudtrail.send(new GetTrailCommand({ Name }))),
    send(ctx, 'GetTrailStatus', () => clients.cloudtrail.send(new GetTrailStatusCommand({ Name }))),
    listAll(ctx, 'ListTags', paginateListTags, clients.cloudtrail, { ResourceIdList: [Name] }, (page) => page.NextToken),
  ]);
  const trail = trailOutput.Trail ?? {};
  return {
    ResourceType: CLOUDTRAIL_TRAIL,
    ResourceId: listed.TrailARN,
    AccountId: ctx.accountId,
    Region: ctx.region,
    Tags: tagMap(tagPages.flatMap((page) => page.ResourceTagList ?? []).flatMap((entry) => entry.TagsList ?? [])),
    TimeCreated: null,
    Name: trail.Name ?? listed.Name ?? listed.TrailARN,
    TrailARN: listed.TrailARN,
    HomeRegion: trail.HomeRegion ?? listed.HomeRegion ?? ctx.region,
    IsMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
    IsOrganizationTrail: trail.IsOrganizationTrail ?? false,
    IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? false,
    LogFileValidationEnabled: trail.LogFileValidationEnabled ?? false,
    KmsKeyId: trail.KmsKeyId ?? null,
    S3BucketName: trail.S3BucketName ?? null,
    S3KeyPrefix: trail.S3KeyPrefix ?? null,
    CloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ?? null,
    IsLogging: status.IsLogging ?? false,
    LatestDeliveryTime: isoOrNull(status.LatestDeliveryTime),
    LatestDeliveryError: status.LatestDeliveryError || null,
  };
}

/**
 * Trails whose home is this region and that this account owns. ListTrails also returns multi-region
 * trails from other home regions and organization trails owned by the management account; those are
 * collected where they live, so each trail is reported once.
 */
export async function collectCloudTrailTrails(clients: Pick<ScanClients, 'cloudtrail'>, ctx: CollectContext): Promise<CollectionResult<CloudTrailTrail>> {
  let trails: ListedTrail[];
  try {
    const pages = await listAll(ctx, 'ListTrails', paginateListTrails, clients.cloudtrail, {}, (page) => page.NextToken);
    trails = pages
      .flatMap((page) => page.Trails ?? [])
      .filter((trail): trail is ListedTrail => typeof trail.TrailARN === 'string')
      .filter((trail) => trail.HomeRegion === ctx.region && accountOf(trail.TrailARN) === ctx.accountId);
  } catch (error) {
    return listingFailed(ctx, CLOUDTRAIL_TRAIL, error);
  }
  return describeEach(ctx, CLOUDTRAIL_TRAIL, trails, (trail) => trail.TrailARN, (trail) => describeTrail(trail, clients, ctx));
}

export const cloudTrailTrailCollector: Collector<typeof CLOUDTRAIL_TRAIL> = {
  resourceType: CLOUDTRAIL_TRAIL,
  scope: 'region',
  permissions: ['cloudtrail:ListTrails', 'cloudtrail:GetTrail', 'cloudtrail:GetTrailStatus', 'cloudtrail:ListTags'],
  collect: collectCloudTrailTrails,
};
