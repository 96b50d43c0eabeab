import { paginateDescribeStacks, type Stack } from '@aws-sdk/client-cloudformation';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, tagMap } from '../resources/base';
import { CLOUDFORMATION_STACK, type CloudFormationStack } from '../resources/cloudformation-stack';

type ListedStack = Stack & { StackId: string; StackName: string };

/** Every live stack (deleted ones are not listed by DescribeStacks) as DescribeStacks describes it. */
export async function collectCloudFormationStacks(
  clients: Pick<ScanClients, 'cloudformation'>,
  ctx: CollectContext,
): Promise<CollectionResult<CloudFormationStack>> {
  let stacks: ListedStack[];
  try {
    const pages = await listAll(ctx, 'DescribeStacks', paginateDescribeStacks, clients.cloudformation, {}, (page) => page.NextToken);
    stacks = pages
      .flatMap((page) => page.Stacks ?? [])
      .filter((stack): stack is ListedStack => typeof stack.StackId === 'string' && typeof stack.StackName === 'string');
  } catch (error) {
    return listingFailed(ctx, CLOUDFORMATION_STACK, error);
  }
  return describeEach(
    ctx,
    CLOUDFORMATION_STACK,
    stacks,
    (stack) => stack.StackId,
    async (stack) => ({
      ...(plain(stack) as object),
      ResourceType: CLOUDFORMATION_STACK,
      ResourceId: stack.StackId,
      AccountId: ctx.accountId,
      Region: ctx.region,
      Arn: stack.StackId,
      Id: stack.StackId,
      Name: stack.StackName,
      Tags: tagMap(stack.Tags),
      TimeCreated: isoOrNull(stack.CreationTime),
      Drifts: null,
    }),
  );
}

export const cloudFormationStackCollector: Collector<typeof CLOUDFORMATION_STACK> = {
  resourceType: CLOUDFORMATION_STACK,
  scope: 'region',
  permissions: ['cloudformation:DescribeStacks'],
  collect: collectCloudFormationStacks,
};
