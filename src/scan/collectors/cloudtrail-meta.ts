import { DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand, paginateListTrails } from '@aws-sdk/client-cloudtrail';
import { describeEach, listAll, listingFailed, mapLimit, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plainOrNull } from '../resources/base';
import { CLOUDTRAIL_META, type CloudTrailMeta } from '../resources/cloudtrail-meta';
import { metaResourceId } from './ec2-account-settings';

/**
 * Which trails record this region, and how: DescribeTrails with shadow trails lists the region's own
 * trails and multi-region trails homed elsewhere (organization trails included), each with its
 * status. One per account and region, so "no multi-region trail is logging" fails here even in an
 * account with no trail at all.
 */
export async function collectCloudTrailMeta(clients: Pick<ScanClients, 'cloudtrail'>, ctx: CollectContext): Promise<CollectionResult<CloudTrailMeta>> {
  let meta: unknown;
  try {
    const [described, listed] = await Promise.all([
      send(ctx, 'DescribeTrails', () => clients.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }))),
      listAll(ctx, 'ListTrails', paginateListTrails, clients.cloudtrail, {}, (page) => page.NextToken),
    ]);
    const trails = (described?.trailList ?? []).filter((trail): trail is typeof trail & { TrailARN: string } => typeof trail.TrailARN === 'string');
    const arns = [
      ...new Set([
        ...trails.map((trail) => trail.TrailARN),
        ...listed.flatMap((page) => page.Trails ?? []).flatMap((trail) => (trail.TrailARN ? [trail.TrailARN] : [])),
      ]),
    ];
    const summaries = await mapLimit(trails, ctx.concurrency, async (trail) => {
      const status = await send(ctx, 'GetTrailStatus', () => clients.cloudtrail.send(new GetTrailStatusCommand({ Name: trail.TrailARN })));
      return {
        TrailARN: trail.TrailARN,
        IsMultiRegionTrail: trail.IsMultiRegionTrail ?? null,
        LogFileValidationEnabled: trail.LogFileValidationEnabled ?? null,
        IsLogging: status?.IsLogging ?? null,
      };
    });
    // Panther's GlobalEventSelectors: those of the first multi-region trail, as the account-wide view.
    const global = trails.find((trail) => trail.IsMultiRegionTrail === true);
    const selectors = global
      ? await send(ctx, 'GetEventSelectors', () => clients.cloudtrail.send(new GetEventSelectorsCommand({ TrailName: global.TrailARN })))
      : undefined;
    meta = {
      ResourceType: CLOUDTRAIL_META,
      ResourceId: metaResourceId(ctx, CLOUDTRAIL_META),
      AccountId: ctx.accountId,
      Region: ctx.region,
      Trails: arns,
      GlobalEventSelectors: plainOrNull(selectors?.EventSelectors),
      TrailSummaries: summaries,
    };
  } catch (error) {
    return listingFailed(ctx, CLOUDTRAIL_META, error);
  }
  return describeEach(
    ctx,
    CLOUDTRAIL_META,
    [meta],
    () => metaResourceId(ctx, CLOUDTRAIL_META),
    async (resource) => resource,
  );
}

export const cloudTrailMetaCollector: Collector<typeof CLOUDTRAIL_META> = {
  resourceType: CLOUDTRAIL_META,
  scope: 'region',
  permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:ListTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  collect: collectCloudTrailMeta,
};
