import { GetRolePolicyCommand, paginateListAttachedRolePolicies, paginateListRolePolicies, paginateListRoles, type Role } from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, isoOrNull, plainOrNull } from '../resources/base';
import { IAM_ROLE, type IamRole } from '../resources/iam-role';
import { decodePolicy, inlinePolicies } from './iam-documents';

type NamedRole = Role & { RoleName: string; Arn: string };

async function describeRole(role: NamedRole, iam: ScanClients['iam'], ctx: CollectContext): Promise<unknown> {
  const { RoleName } = role;
  const [inlinePages, attachedPages] = await Promise.all([
    listAll(ctx, 'ListRolePolicies', paginateListRolePolicies, iam, { RoleName }, (page) => page.Marker),
    listAll(ctx, 'ListAttachedRolePolicies', paginateListAttachedRolePolicies, iam, { RoleName }, (page) => page.Marker),
  ]);
  const inline = await inlinePolicies(
    ctx,
    inlinePages.flatMap((page) => page.PolicyNames ?? []),
    async (PolicyName) => {
      const output = await send(ctx, 'GetRolePolicy', () => iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })));
      return output?.PolicyDocument;
    },
  );
  return {
    ResourceType: IAM_ROLE,
    ResourceId: role.Arn,
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Arn: role.Arn,
    Id: role.RoleId ?? null,
    Name: RoleName,
    Tags: null,
    TimeCreated: isoOrNull(role.CreateDate),
    AssumeRolePolicyDocument: decodePolicy(role.AssumeRolePolicyDocument),
    Description: role.Description ?? null,
    MaxSessionDuration: role.MaxSessionDuration ?? null,
    Path: role.Path ?? null,
    PermissionsBoundary: plainOrNull(role.PermissionsBoundary),
    InlinePolicies: inline,
    ManagedPolicyNames: attachedPages.flatMap((page) => page.AttachedPolicies ?? []).flatMap((policy) => (policy.PolicyName ? [policy.PolicyName] : [])),
  };
}

/** Every IAM role with its trust policy, inline policy documents and attached managed policies. */
export async function collectIamRoles(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamRole>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  let roles: NamedRole[];
  try {
    const pages = await listAll(ctx, 'ListRoles', paginateListRoles, clients.iam, {}, (page) => page.Marker);
    roles = pages.flatMap((page) => page.Roles ?? []).filter((role): role is NamedRole => typeof role.RoleName === 'string' && typeof role.Arn === 'string');
  } catch (error) {
    return listingFailed(global, IAM_ROLE, error);
  }
  return describeEach(
    global,
    IAM_ROLE,
    roles,
    (role) => role.Arn,
    async (role) => {
      try {
        return await describeRole(role, clients.iam, ctx);
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchEntity', 'NoSuchEntityException'])) return undefined;
        throw error;
      }
    },
  );
}

export const iamRoleCollector: Collector<typeof IAM_ROLE> = {
  resourceType: IAM_ROLE,
  scope: 'account',
  permissions: ['iam:ListRoles', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies'],
  collect: collectIamRoles,
};
