import { paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain } from '../resources/base';
import { ACCESS_ANALYZER_META, type AccessAnalyzerMeta } from '../resources/account-meta';
import { metaResourceId } from './ec2-account-settings';

/**
 * The region's IAM Access Analyzer analyzers of every kind (account, organization, unused access),
 * in the API's own field names; one meta resource per region, so a region without one can fail.
 */
export async function collectAccessAnalyzerMeta(
  clients: Pick<ScanClients, 'accessanalyzer'>,
  ctx: CollectContext,
): Promise<CollectionResult<AccessAnalyzerMeta>> {
  let meta: unknown;
  try {
    const pages = await listAll(ctx, 'ListAnalyzers', paginateListAnalyzers, clients.accessanalyzer, {}, (page) => page.nextToken);
    meta = {
      ResourceType: ACCESS_ANALYZER_META,
      ResourceId: metaResourceId(ctx, ACCESS_ANALYZER_META),
      AccountId: ctx.accountId,
      Region: ctx.region,
      Analyzers: plain(pages.flatMap((page) => page.analyzers ?? [])),
    };
  } catch (error) {
    return listingFailed(ctx, ACCESS_ANALYZER_META, error);
  }
  return describeEach(
    ctx,
    ACCESS_ANALYZER_META,
    [meta],
    () => metaResourceId(ctx, ACCESS_ANALYZER_META),
    async (resource) => resource,
  );
}

export const accessAnalyzerMetaCollector: Collector<typeof ACCESS_ANALYZER_META> = {
  resourceType: ACCESS_ANALYZER_META,
  scope: 'region',
  permissions: ['access-analyzer:ListAnalyzers'],
  collect: collectAccessAnalyzerMeta,
};
