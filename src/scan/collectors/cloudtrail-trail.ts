import {
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  paginateListTags,
  paginateListTrails,
  type TrailInfo,
} from '@aws-sdk/client-cloudtrail';
import { describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain, plainOrNull, tagMap } from '../resources/base';
import { CLOUDTRAIL_TRAIL, type CloudTrailTrail } from '../resources/cloudtrail-trail';

type ListedTrail = TrailInfo & { TrailARN: string };

/** The account id inside an ARN (`arn:aws:cloudtrail:us-east-1:123456789012:trail/x`). */
function accountOf(arn: string): string | undefined {
  return arn.split(':')[4];
}

async function describeTrail(listed: ListedTrail, clients: Pick<ScanClients, 'cloudtrail'>, ctx: CollectContext): Promise<unknown> {
  const Name = listed.TrailARN;
  const [trailOutput, status, selectors, tagPages] = await Promise.all([
    send(ctx, 'GetTrail', () => clients.cloudtrail.send(new GetTrailCommand({ Name }))),
    send(ctx, 'GetTrailStatus', () => clients.cloudtrail.send(new GetTrailStatusCommand({ Name }))),
    send(ctx, 'GetEventSelectors', () => clients.cloudtrail.send(new GetEventSelectorsCommand({ TrailName: Name }))),
    listAll(ctx, 'ListTags', paginateListTags, clients.cloudtrail, { ResourceIdList: [Name] }, (page) => page.NextToken),
  ]);
  const trail = trailOutput.Trail ?? {};
  return {
    ResourceType: CLOUDTRAIL_TRAIL,
    ResourceId: listed.TrailARN,
    AccountId: ctx.accountId,
    Region: ctx.region,
    Arn: listed.TrailARN,
    Name: trail.Name ?? listed.Name ?? null,
    Tags: tagMap(tagPages.flatMap((page) => page.ResourceTagList ?? []).flatMap((entry) => entry.TagsList ?? [])),
    TimeCreated: null,
    CloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ?? null,
    CloudWatchLogsRoleArn: trail.CloudWatchLogsRoleArn ?? null,
    HasCustomEventSelectors: trail.HasCustomEventSelectors ?? null,
    HomeRegion: trail.HomeRegion ?? listed.HomeRegion ?? null,
    IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? null,
    IsMultiRegionTrail: trail.IsMultiRegionTrail ?? null,
    IsOrganizationTrail: trail.IsOrganizationTrail ?? null,
    KmsKeyId: trail.KmsKeyId ?? null,
    LogFileValidationEnabled: trail.LogFileValidationEnabled ?? null,
    S3BucketName: trail.S3BucketName ?? null,
    S3KeyPrefix: trail.S3KeyPrefix ?? null,
    SnsTopicARN: trail.SnsTopicARN ?? null,
    EventSelectors: plainOrNull(selectors?.EventSelectors),
    AdvancedEventSelectors: plainOrNull(selectors?.AdvancedEventSelectors),
    Status: plain(status),
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
  return describeEach(
    ctx,
    CLOUDTRAIL_TRAIL,
    trails,
    (trail) => trail.TrailARN,
    (trail) => describeTrail(trail, clients, ctx),
  );
}

export const cloudTrailTrailCollector: Collector<typeof CLOUDTRAIL_TRAIL> = {
  resourceType: CLOUDTRAIL_TRAIL,
  scope: 'region',
  permissions: ['cloudtrail:ListTrails', 'cloudtrail:GetTrail', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors', 'cloudtrail:ListTags'],
  collect: collectCloudTrailTrails,
};
