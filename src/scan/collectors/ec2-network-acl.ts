import { paginateDescribeNetworkAcls, type NetworkAcl } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plainOrNull, tagMap } from '../resources/base';
import { EC2_NETWORK_ACL, type Ec2NetworkAcl } from '../resources/ec2-network-acl';

type ListedAcl = NetworkAcl & { NetworkAclId: string };

function networkAclArn(aclId: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:network-acl/${aclId}`;
}

function toResource(acl: ListedAcl, ctx: CollectContext): unknown {
  const arn = networkAclArn(acl.NetworkAclId, ctx);
  return {
    ResourceType: EC2_NETWORK_ACL,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: ctx.region,
    Arn: arn,
    Id: acl.NetworkAclId,
    Tags: tagMap(acl.Tags),
    TimeCreated: null,
    Associations: plainOrNull(acl.Associations),
    Entries: plainOrNull(acl.Entries),
    IsDefault: acl.IsDefault ?? null,
    OwnerId: acl.OwnerId ?? null,
    VpcId: acl.VpcId ?? null,
  };
}

export async function collectEc2NetworkAcls(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2NetworkAcl>> {
  let acls: ListedAcl[];
  try {
    const pages = await listAll(ctx, 'DescribeNetworkAcls', paginateDescribeNetworkAcls, clients.ec2, {}, (page) => page.NextToken);
    acls = pages.flatMap((page) => page.NetworkAcls ?? []).filter((acl): acl is ListedAcl => typeof acl.NetworkAclId === 'string');
  } catch (error) {
    return listingFailed(ctx, EC2_NETWORK_ACL, error);
  }
  return describeEach(
    ctx,
    EC2_NETWORK_ACL,
    acls,
    (acl) => networkAclArn(acl.NetworkAclId, ctx),
    async (acl) => toResource(acl, ctx),
  );
}

export const ec2NetworkAclCollector: Collector<typeof EC2_NETWORK_ACL> = {
  resourceType: EC2_NETWORK_ACL,
  scope: 'region',
  permissions: ['ec2:DescribeNetworkAcls'],
  collect: collectEc2NetworkAcls,
};
