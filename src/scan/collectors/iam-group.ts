import {
  GetGroupPolicyCommand,
  paginateGetGroup,
  paginateListAttachedGroupPolicies,
  paginateListGroupPolicies,
  paginateListGroups,
  type Group,
} from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, isoOrNull, plain } from '../resources/base';
import { IAM_GROUP, type IamGroup } from '../resources/iam-group';
import { inlinePolicies } from './iam-documents';

type NamedGroup = Group & { GroupName: string; Arn: string };

async function describeGroup(group: NamedGroup, iam: ScanClients['iam'], ctx: CollectContext): Promise<unknown> {
  const { GroupName } = group;
  const [memberPages, inlinePages, attachedPages] = await Promise.all([
    listAll(ctx, 'GetGroup', paginateGetGroup, iam, { GroupName }, (page) => page.Marker),
    listAll(ctx, 'ListGroupPolicies', paginateListGroupPolicies, iam, { GroupName }, (page) => page.Marker),
    listAll(ctx, 'ListAttachedGroupPolicies', paginateListAttachedGroupPolicies, iam, { GroupName }, (page) => page.Marker),
  ]);
  const inline = await inlinePolicies(
    ctx,
    inlinePages.flatMap((page) => page.PolicyNames ?? []),
    async (PolicyName) => {
      const output = await send(ctx, 'GetGroupPolicy', () => iam.send(new GetGroupPolicyCommand({ GroupName, PolicyName })));
      return output?.PolicyDocument;
    },
  );
  return {
    ResourceType: IAM_GROUP,
    ResourceId: group.Arn,
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Arn: group.Arn,
    Id: group.GroupId ?? null,
    Name: GroupName,
    Tags: null,
    TimeCreated: isoOrNull(group.CreateDate),
    Path: group.Path ?? null,
    InlinePolicies: inline,
    ManagedPolicyARNs: attachedPages.flatMap((page) => page.AttachedPolicies ?? []).flatMap((policy) => (policy.PolicyArn ? [policy.PolicyArn] : [])),
    Users: plain(memberPages.flatMap((page) => page.Users ?? [])),
  };
}

/** Every IAM group with its members, inline policy documents and attached managed policies. */
export async function collectIamGroups(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamGroup>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  let groups: NamedGroup[];
  try {
    const pages = await listAll(ctx, 'ListGroups', paginateListGroups, clients.iam, {}, (page) => page.Marker);
    groups = pages
      .flatMap((page) => page.Groups ?? [])
      .filter((group): group is NamedGroup => typeof group.GroupName === 'string' && typeof group.Arn === 'string');
  } catch (error) {
    return listingFailed(global, IAM_GROUP, error);
  }
  return describeEach(
    global,
    IAM_GROUP,
    groups,
    (group) => group.Arn,
    async (group) => {
      try {
        return await describeGroup(group, clients.iam, ctx);
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchEntity', 'NoSuchEntityException'])) return undefined;
        throw error;
      }
    },
  );
}

export const iamGroupCollector: Collector<typeof IAM_GROUP> = {
  resourceType: IAM_GROUP,
  scope: 'account',
  permissions: ['iam:ListGroups', 'iam:GetGroup', 'iam:ListGroupPolicies', 'iam:GetGroupPolicy', 'iam:ListAttachedGroupPolicies'],
  collect: collectIamGroups,
};
