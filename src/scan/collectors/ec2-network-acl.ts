import { paginateDescribeNetworkAcls, type NetworkAcl } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { tagMap } from '../resources/base';
import { EC2_NETWORK_ACL, type Ec2NetworkAcl } from '../resources/ec2-network-acl';

function networkAclArn(aclId: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:network-acl/${aclId}`;
}

function normalize(acl: NetworkAcl & { NetworkAclId: string }, ctx: CollectContext): Ec2NetworkAcl {
  return {
    ResourceType: EC2_NETWORK_ACL,
    ResourceId: networkAclArn(acl.NetworkAclId, ctx),
    AccountId: ctx.accountId,
    Region: ctx.region,
    Tags: tagMap(acl.Tags),
    TimeCreated: null,
    NetworkAclId: acl.NetworkAclId,
    VpcId: acl.VpcId ?? '',
    IsDefault: acl.IsDefault ?? false,
    OwnerId: acl.OwnerId ?? ctx.accountId,
    Entries: (acl.Entries ?? []).map((entry) => ({
      RuleNumber: entry.RuleNumber ?? 32767,
      Protocol: entry.Protocol ?? '-1',
      // Passed through as AWS says it: an entry without an action fails validation instead of being guessed.
      RuleAction: entry.RuleAction as 'allow' | 'deny',
      Egress: entry.Egress ?? false,
      CidrBlock: entry.CidrBlock ?? null,
      Ipv6CidrBlock: entry.Ipv6CidrBlock ?? null,
      PortRange: entry.PortRange?.From !== undefined && entry.PortRange.To !== undefined ? { From: entry.PortRange.From, To: entry.PortRange.To } : null,
    })),
    SubnetIds: (acl.Associations ?? []).flatMap((association) => (association.SubnetId ? [association.SubnetId] : [])),
  };
}

export async function collectEc2NetworkAcls(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2NetworkAcl>> {
  let acls: Array<NetworkAcl & { NetworkAclId: string }>;
  try {
    const pages = await listAll(ctx, 'DescribeNetworkAcls', paginateDescribeNetworkAcls, clients.ec2, {}, (page) => page.NextToken);
    acls = pages.flatMap((page) => page.NetworkAcls ?? []).filter((acl): acl is NetworkAcl & { NetworkAclId: string } => typeof acl.NetworkAclId === 'string');
  } catch (error) {
    return listingFailed(ctx, EC2_NETWORK_ACL, error);
  }
  return describeEach(ctx, EC2_NETWORK_ACL, acls, (acl) => networkAclArn(acl.NetworkAclId, ctx), async (acl) => normalize(acl, ctx));
}

export const ec2NetworkAclCollector: Collector<typeof EC2_NETWORK_ACL> = {
  resourceType: EC2_NETWORK_ACL,
  scope: 'region',
  permissions: ['ec2:DescribeNetworkAcls'],
  collect: collectEc2NetworkAcls,
};
