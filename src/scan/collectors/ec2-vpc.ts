import { paginateDescribeFlowLogs, paginateDescribeVpcs, type FlowLog, type Vpc } from '@aws-sdk/client-ec2';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain, plainOrNull, tagMap } from '../resources/base';
import { EC2_VPC, type Ec2Vpc } from '../resources/ec2-vpc';

type ListedVpc = Vpc & { VpcId: string };

function vpcArn(vpcId: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:vpc/${vpcId}`;
}

function toResource(vpc: ListedVpc, flowLogs: readonly FlowLog[], ctx: CollectContext): unknown {
  const arn = vpcArn(vpc.VpcId, ctx);
  return {
    ResourceType: EC2_VPC,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: ctx.region,
    Arn: arn,
    Id: vpc.VpcId,
    Tags: tagMap(vpc.Tags),
    TimeCreated: null,
    CidrBlock: vpc.CidrBlock ?? null,
    CidrBlockAssociationSet: plainOrNull(vpc.CidrBlockAssociationSet),
    DhcpOptionsId: vpc.DhcpOptionsId ?? null,
    InstanceTenancy: vpc.InstanceTenancy ?? null,
    Ipv6CidrBlockAssociationSet: plainOrNull(vpc.Ipv6CidrBlockAssociationSet),
    IsDefault: vpc.IsDefault ?? null,
    OwnerId: vpc.OwnerId ?? null,
    State: vpc.State ?? null,
    FlowLogs: plain(flowLogs),
  };
}

/** VPCs with their flow logs; flow logs are listed once per region and matched to VPCs by resource id. */
export async function collectEc2Vpcs(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2Vpc>> {
  let vpcs: Array<ListedVpc>;
  const flowLogsByVpc = new Map<string, FlowLog[]>();
  try {
    const [vpcPages, flowLogPages] = await Promise.all([
      listAll(ctx, 'DescribeVpcs', paginateDescribeVpcs, clients.ec2, {}, (page) => page.NextToken),
      // Without the flow logs no VPC can be judged, so a failure here fails the listing. Subnet and
      // interface flow logs come back too; their resource ids (subnet-…, eni-…) never match a VPC id.
      listAll(ctx, 'DescribeFlowLogs', paginateDescribeFlowLogs, clients.ec2, {}, (page) => page.NextToken),
    ]);
    vpcs = vpcPages.flatMap((page) => page.Vpcs ?? []).filter((vpc): vpc is ListedVpc => typeof vpc.VpcId === 'string');
    for (const log of flowLogPages.flatMap((page) => page.FlowLogs ?? [])) {
      if (!log.ResourceId) continue;
      flowLogsByVpc.set(log.ResourceId, [...(flowLogsByVpc.get(log.ResourceId) ?? []), log]);
    }
  } catch (error) {
    return listingFailed(ctx, EC2_VPC, error);
  }
  return describeEach(
    ctx,
    EC2_VPC,
    vpcs,
    (vpc) => vpcArn(vpc.VpcId, ctx),
    async (vpc) => toResource(vpc, flowLogsByVpc.get(vpc.VpcId) ?? [], ctx),
  );
}

export const ec2VpcCollector: Collector<typeof EC2_VPC> = {
  resourceType: EC2_VPC,
  scope: 'region',
  permissions: ['ec2:DescribeVpcs', 'ec2:DescribeFlowLogs'],
  collect: collectEc2Vpcs,
};
