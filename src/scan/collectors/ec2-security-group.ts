import { paginateDescribeSecurityGroups, type IpPermission as SdkIpPermission, type SecurityGroup } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { tagMap } from '../resources/base';
import { EC2_SECURITY_GROUP, type Ec2SecurityGroup, type IpPermission } from '../resources/ec2-security-group';

/** Address ranges flattened to CIDR strings: policies ask "is 0.0.0.0/0 in there", not for descriptions. */
export function normalizePermission(permission: SdkIpPermission): IpPermission {
  return {
    IpProtocol: permission.IpProtocol ?? '-1',
    FromPort: permission.FromPort ?? null,
    ToPort: permission.ToPort ?? null,
    IpRanges: (permission.IpRanges ?? []).flatMap((range) => (range.CidrIp ? [range.CidrIp] : [])),
    Ipv6Ranges: (permission.Ipv6Ranges ?? []).flatMap((range) => (range.CidrIpv6 ? [range.CidrIpv6] : [])),
    PrefixListIds: (permission.PrefixListIds ?? []).flatMap((list) => (list.PrefixListId ? [list.PrefixListId] : [])),
    UserIdGroupPairs: (permission.UserIdGroupPairs ?? []).flatMap((pair) => (pair.GroupId ? [pair.GroupId] : [])),
  };
}

function normalize(group: SecurityGroup & { GroupId: string }, ctx: CollectContext): Ec2SecurityGroup {
  return {
    ResourceType: EC2_SECURITY_GROUP,
    ResourceId: securityGroupArn(group.GroupId, ctx),
    AccountId: ctx.accountId,
    Region: ctx.region,
    Tags: tagMap(group.Tags),
    TimeCreated: null,
    GroupId: group.GroupId,
    GroupName: group.GroupName ?? '',
    Description: group.Description ?? '',
    VpcId: group.VpcId ?? null,
    OwnerId: group.OwnerId ?? ctx.accountId,
    IsDefault: group.GroupName === 'default',
    IpPermissions: (group.IpPermissions ?? []).map(normalizePermission),
    IpPermissionsEgress: (group.IpPermissionsEgress ?? []).map(normalizePermission),
  };
}

function securityGroupArn(groupId: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${groupId}`;
}

export async function collectEc2SecurityGroups(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2SecurityGroup>> {
  let groups: Array<SecurityGroup & { GroupId: string }>;
  try {
    const pages = await listAll(ctx, 'DescribeSecurityGroups', paginateDescribeSecurityGroups, clients.ec2, {}, (page) => page.NextToken);
    groups = pages.flatMap((page) => page.SecurityGroups ?? []).filter((group): group is SecurityGroup & { GroupId: string } => typeof group.GroupId === 'string');
  } catch (error) {
    return listingFailed(ctx, EC2_SECURITY_GROUP, error);
  }
  return describeEach(ctx, EC2_SECURITY_GROUP, groups, (group) => securityGroupArn(group.GroupId, ctx), async (group) => normalize(group, ctx));
}

export const ec2SecurityGroupCollector: Collector<typeof EC2_SECURITY_GROUP> = {
  resourceType: EC2_SECURITY_GROUP,
  scope: 'region',
  permissions: ['ec2:DescribeSecurityGroups'],
  collect: collectEc2SecurityGroups,
};
