import {
  DescribeSSLPoliciesCommand,
  DescribeTagsCommand,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand } from '@aws-sdk/client-waf-regional';
import { isAbsent, isEndpointMissing } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, tagMap } from '../resources/base';
import { ELBV2_LOAD_BALANCER, type Elbv2LoadBalancer } from '../resources/elbv2-load-balancer';

type NamedLoadBalancer = LoadBalancer & { LoadBalancerArn: string };

/** The TLS policies the listeners name, each with its protocols and ciphers (predefined and custom alike). */
async function sslPolicies(clients: Pick<ScanClients, 'elbv2'>, ctx: CollectContext, Names: string[]): Promise<Record<string, unknown> | null> {
  if (Names.length === 0) return null;
  const answer = await send(ctx, 'DescribeSSLPolicies', () => clients.elbv2.send(new DescribeSSLPoliciesCommand({ Names })));
  const byName: Record<string, unknown> = {};
  for (const policy of answer?.SslPolicies ?? []) if (policy.Name) byName[policy.Name] = plain(policy);
  return byName;
}

/** The WAF Classic web ACL guarding an application load balancer; other types cannot have one. */
async function webAclId(clients: Pick<ScanClients, 'wafRegional'>, ctx: CollectContext, balancer: NamedLoadBalancer): Promise<string | null> {
  if (balancer.Type !== 'application') return null;
  try {
    const answer = await send(ctx, 'GetWebACLForResource', () =>
      clients.wafRegional.send(new GetWebACLForResourceCommand({ ResourceArn: balancer.LoadBalancerArn })),
    );
    return answer?.WebACLSummary?.WebACLId ?? null;
  } catch (error) {
    if (!(error instanceof AwsCallFailure)) throw error;
    // An account that never used WAF Classic has nothing to associate.
    if (isAbsent(error.cause, ['WAFNonexistentItemException', 'WAFUnavailableEntityException'])) return null;
    // Regions opened after WAF Classic was frozen have no endpoint for it, so nothing there can use it;
    // the load balancer is still collected rather than lost to a lookup that cannot succeed.
    if (isEndpointMissing(error.cause)) return null;
    throw error;
  }
}

/**
 * Every load balancer (application, network, gateway) as DescribeLoadBalancers describes it, with
 * its listeners, their TLS policies, its tags and its WAF web ACL: Panther's ApplicationLoadBalancer.
 */
export async function collectElbv2LoadBalancers(
  clients: Pick<ScanClients, 'elbv2' | 'wafRegional'>,
  ctx: CollectContext,
): Promise<CollectionResult<Elbv2LoadBalancer>> {
  let balancers: NamedLoadBalancer[];
  try {
    const pages = await listAll(ctx, 'DescribeLoadBalancers', paginateDescribeLoadBalancers, clients.elbv2, {}, (page) => page.NextMarker);
    balancers = pages
      .flatMap((page) => page.LoadBalancers ?? [])
      .filter((balancer): balancer is NamedLoadBalancer => typeof balancer.LoadBalancerArn === 'string');
  } catch (error) {
    return listingFailed(ctx, ELBV2_LOAD_BALANCER, error);
  }
  return describeEach(
    ctx,
    ELBV2_LOAD_BALANCER,
    balancers,
    (balancer) => balancer.LoadBalancerArn,
    async (balancer) => {
      const LoadBalancerArn = balancer.LoadBalancerArn;
      try {
        const [listenerPages, tags, webAcl] = await Promise.all([
          listAll(ctx, 'DescribeListeners', paginateDescribeListeners, clients.elbv2, { LoadBalancerArn }, (page) => page.NextMarker),
          send(ctx, 'DescribeTags', () => clients.elbv2.send(new DescribeTagsCommand({ ResourceArns: [LoadBalancerArn] }))),
          webAclId(clients, ctx, balancer),
        ]);
        const listeners = listenerPages.flatMap((page) => page.Listeners ?? []);
        const policyNames = [...new Set(listeners.flatMap((listener) => (listener.SslPolicy ? [listener.SslPolicy] : [])))];
        return {
          ...(plain(balancer) as object),
          ResourceType: ELBV2_LOAD_BALANCER,
          ResourceId: LoadBalancerArn,
          AccountId: ctx.accountId,
          Region: ctx.region,
          Arn: LoadBalancerArn,
          Id: null,
          Name: balancer.LoadBalancerName ?? null,
          Tags: tagMap(tags?.TagDescriptions?.find((description) => description.ResourceArn === LoadBalancerArn)?.Tags),
          TimeCreated: isoOrNull(balancer.CreatedTime),
          Listeners: plain(listeners),
          SSLPolicies: await sslPolicies(clients, ctx, policyNames),
          WebAcl: webAcl,
        };
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['LoadBalancerNotFound', 'LoadBalancerNotFoundException'])) return undefined;
        throw error;
      }
    },
  );
}

export const elbv2LoadBalancerCollector: Collector<typeof ELBV2_LOAD_BALANCER> = {
  resourceType: ELBV2_LOAD_BALANCER,
  scope: 'region',
  permissions: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeSSLPolicies',
    'waf-regional:GetWebACLForResource',
  ],
  collect: collectElbv2LoadBalancers,
};
