import { paginateDescribeSecurityGroups, type SecurityGroup } from '@aws-sdk/client-ec2';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plainOrNull, tagMap } from '../resources/base';
import { EC2_SECURITY_GROUP, type Ec2SecurityGroup } from '../resources/ec2-security-group';

type ListedGroup = SecurityGroup & { GroupId: string };

export function securityGroupArn(groupId: string, ctx: Pick<CollectContext, 'partition' | 'region' | 'accountId'>): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:security-group/${groupId}`;
}

/** DescribeSecurityGroups' answer as it is, with Panther's generic fields (Id: group id, Name: group name). */
function toResource(group: ListedGroup, ctx: CollectContext): unknown {
  const arn = securityGroupArn(group.GroupId, ctx);
  return {
    ResourceType: EC2_SECURITY_GROUP,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: ctx.region,
    Arn: arn,
    Id: group.GroupId,
    Name: group.GroupName ?? null,
    Tags: tagMap(group.Tags),
    TimeCreated: null,
    Description: group.Description ?? null,
    IpPermissions: plainOrNull(group.IpPermissions),
    IpPermissionsEgress: plainOrNull(group.IpPermissionsEgress),
    OwnerId: group.OwnerId ?? null,
    VpcId: group.VpcId ?? null,
  };
}

function describeGroups(groups: readonly ListedGroup[], ctx: CollectContext): Promise<CollectionResult<Ec2SecurityGroup>> {
  return describeEach(
    ctx,
    EC2_SECURITY_GROUP,
    groups,
    (group) => securityGroupArn(group.GroupId, ctx),
    async (group) => toResource(group, ctx),
  );
}

export async function collectEc2SecurityGroups(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2SecurityGroup>> {
  let groups: ListedGroup[];
  try {
    const pages = await listAll(ctx, 'DescribeSecurityGroups', paginateDescribeSecurityGroups, clients.ec2, {}, (page) => page.NextToken);
    groups = pages.flatMap((page) => page.SecurityGroups ?? []).filter((group): group is ListedGroup => typeof group.GroupId === 'string');
  } catch (error) {
    return listingFailed(ctx, EC2_SECURITY_GROUP, error);
  }
  return describeGroups(groups, ctx);
}

/** One group by id, for a re-scan after a change; a group deleted meanwhile yields nothing. */
export async function collectEc2SecurityGroup(
  clients: Pick<ScanClients, 'ec2'>,
  ctx: CollectContext,
  groupId: string,
): Promise<CollectionResult<Ec2SecurityGroup>> {
  let groups: ListedGroup[];
  try {
    const pages = await listAll(ctx, 'DescribeSecurityGroups', paginateDescribeSecurityGroups, clients.ec2, { GroupIds: [groupId] }, (page) => page.NextToken);
    groups = pages.flatMap((page) => page.SecurityGroups ?? []).filter((group): group is ListedGroup => group.GroupId === groupId);
  } catch (error) {
    if (error instanceof AwsCallFailure && isAbsent(error.cause, ['InvalidGroup.NotFound', 'InvalidGroupId.Malformed'])) return { resources: [], errors: [] };
    return listingFailed(ctx, EC2_SECURITY_GROUP, error);
  }
  return describeGroups(groups, ctx);
}

export const ec2SecurityGroupCollector: Collector<typeof EC2_SECURITY_GROUP> = {
  resourceType: EC2_SECURITY_GROUP,
  scope: 'region',
  permissions: ['ec2:DescribeSecurityGroups'],
  collect: collectEc2SecurityGroups,
  collectOne: collectEc2SecurityGroup,
};
