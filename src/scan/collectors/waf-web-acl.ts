import * as waf from '@aws-sdk/client-waf';
import * as wafRegional from '@aws-sdk/client-waf-regional';
import { isAbsent, isEndpointMissing } from '../aws-errors';
import { AwsCallFailure, describeEach, listingFailed, mapLimit, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import type { ResourceMap } from '../resource-types';
import { plain, tagMap } from '../resources/base';
import { WAF_REGIONAL_WEB_ACL, WAF_WEB_ACL, type WafRegionalWebAcl, type WafWebAcl } from '../resources/waf-web-acl';

/** The calls the collector makes; WAF Classic's global and regional APIs are the same API on two endpoints. */
interface WafApi {
  listWebAcls(NextMarker: string | undefined): Promise<{ WebACLs?: Array<{ WebACLId?: string | undefined }> | undefined; NextMarker?: string | undefined }>;
  getWebAcl(WebACLId: string): Promise<{ WebACL?: waf.WebACL | undefined }>;
  getRule(RuleId: string): Promise<{ Rule?: waf.Rule | undefined }>;
  getRateBasedRule(RuleId: string): Promise<{ Rule?: waf.RateBasedRule | undefined }>;
  listTags(ResourceARN: string): Promise<{ TagInfoForResource?: { TagList?: waf.Tag[] | undefined } | undefined }>;
}

function globalApi(client: ScanClients['waf']): WafApi {
  return {
    listWebAcls: (NextMarker) => client.send(new waf.ListWebACLsCommand({ NextMarker, Limit: 100 })),
    getWebAcl: (WebACLId) => client.send(new waf.GetWebACLCommand({ WebACLId })),
    getRule: (RuleId) => client.send(new waf.GetRuleCommand({ RuleId })),
    getRateBasedRule: (RuleId) => client.send(new waf.GetRateBasedRuleCommand({ RuleId })),
    listTags: (ResourceARN) => client.send(new waf.ListTagsForResourceCommand({ ResourceARN })),
  };
}

function regionalApi(client: ScanClients['wafRegional']): WafApi {
  return {
    listWebAcls: (NextMarker) => client.send(new wafRegional.ListWebACLsCommand({ ...(NextMarker ? { NextMarker } : {}), Limit: 100 })),
    getWebAcl: (WebACLId) => client.send(new wafRegional.GetWebACLCommand({ WebACLId })),
    getRule: (RuleId) => client.send(new wafRegional.GetRuleCommand({ RuleId })),
    getRateBasedRule: (RuleId) => client.send(new wafRegional.GetRateBasedRuleCommand({ RuleId })),
    listTags: (ResourceARN) => client.send(new wafRegional.ListTagsForResourceCommand({ ResourceARN })),
  };
}

/** ListWebACLs pages by marker; WAF Classic has no SDK paginator. A repeated marker ends the listing rather than looping. */
async function listWebAclIds(api: WafApi, ctx: CollectContext): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await send(ctx, 'ListWebACLs', () => api.listWebAcls(marker));
    for (const acl of page?.WebACLs ?? []) if (acl.WebACLId) ids.push(acl.WebACLId);
    marker = page?.NextMarker || undefined;
    if (marker !== undefined && seen.has(marker)) break;
    if (marker !== undefined) seen.add(marker);
  } while (marker !== undefined);
  return ids;
}

/** Each activated rule with the rule it names (its predicates), as Panther merges them; rule groups are kept as activated. */
async function describeRules(api: WafApi, ctx: CollectContext, activated: readonly waf.ActivatedRule[]): Promise<unknown[]> {
  return mapLimit(activated, ctx.concurrency, async (rule) => {
    const RuleId = rule.RuleId;
    let named: unknown = {};
    if (RuleId !== undefined && rule.Type !== 'GROUP') {
      const answer =
        rule.Type === 'RATE_BASED'
          ? await send(ctx, 'GetRateBasedRule', () => api.getRateBasedRule(RuleId))
          : await send(ctx, 'GetRule', () => api.getRule(RuleId));
      named = answer?.Rule ?? {};
    }
    return { ...(plain(named) as object), ...(plain(rule) as object), RuleId: RuleId ?? null };
  });
}

async function collectWebAcls<N extends typeof WAF_WEB_ACL | typeof WAF_REGIONAL_WEB_ACL>(
  api: WafApi,
  ctx: CollectContext,
  resourceType: N,
  arnOf: (id: string) => string,
): Promise<CollectionResult<ResourceMap[N]>> {
  let ids: string[];
  try {
    ids = await listWebAclIds(api, ctx);
  } catch (error) {
    // Regions opened after WAF Classic was frozen have no endpoint for it: they hold no web ACLs.
    if (error instanceof AwsCallFailure && isEndpointMissing(error.cause)) return { resources: [], errors: [] };
    return listingFailed(ctx, resourceType, error);
  }
  return describeEach(ctx, resourceType, ids, arnOf, async (WebACLId) => {
    try {
      const answer = await send(ctx, 'GetWebACL', () => api.getWebAcl(WebACLId));
      const acl = answer?.WebACL;
      if (!acl) return undefined;
      const arn = acl.WebACLArn ?? arnOf(WebACLId);
      const [rules, tags] = await Promise.all([describeRules(api, ctx, acl.Rules ?? []), send(ctx, 'ListTagsForResource', () => api.listTags(arn))]);
      return {
        ...(plain(acl) as object),
        ResourceType: resourceType,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Id: WebACLId,
        Name: acl.Name ?? null,
        Tags: tagMap(tags?.TagInfoForResource?.TagList),
        TimeCreated: null,
        Rules: rules,
      };
    } catch (error) {
      if (error instanceof AwsCallFailure && isAbsent(error.cause, ['WAFNonexistentItemException'])) return undefined;
      throw error;
    }
  });
}

/** Global (CloudFront) WAF Classic web ACLs: one endpoint for the account, so collected once, in region "global". */
export async function collectWafWebAcls(clients: Pick<ScanClients, 'waf'>, ctx: CollectContext): Promise<CollectionResult<WafWebAcl>> {
  return collectWebAcls(globalApi(clients.waf), ctx, WAF_WEB_ACL, (id) => `arn:${ctx.partition}:waf::${ctx.accountId}:webacl/${id}`);
}

/** Regional WAF Classic web ACLs (load balancers, API Gateway stages) of one region. */
export async function collectWafRegionalWebAcls(clients: Pick<ScanClients, 'wafRegional'>, ctx: CollectContext): Promise<CollectionResult<WafRegionalWebAcl>> {
  return collectWebAcls(
    regionalApi(clients.wafRegional),
    ctx,
    WAF_REGIONAL_WEB_ACL,
    (id) => `arn:${ctx.partition}:waf-regional:${ctx.region}:${ctx.accountId}:webacl/${id}`,
  );
}

const WAF_ACTIONS = ['ListWebACLs', 'GetWebACL', 'GetRule', 'GetRateBasedRule', 'ListTagsForResource'];

export const wafWebAclCollector: Collector<typeof WAF_WEB_ACL> = {
  resourceType: WAF_WEB_ACL,
  scope: 'account',
  permissions: WAF_ACTIONS.map((action) => `waf:${action}`),
  collect: collectWafWebAcls,
};

export const wafRegionalWebAclCollector: Collector<typeof WAF_REGIONAL_WEB_ACL> = {
  resourceType: WAF_REGIONAL_WEB_ACL,
  scope: 'region',
  permissions: WAF_ACTIONS.map((action) => `waf-regional:${action}`),
  collect: collectWafRegionalWebAcls,
};
