import {
  GetUserPolicyCommand,
  paginateListAttachedUserPolicies,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListUserPolicies,
  paginateListUsers,
  paginateListUserTags,
  type User,
} from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, isoOrNull, plain, plainOrNull, tagMap } from '../resources/base';
import type { CredentialReport } from '../resources/credential-report';
import { IAM_USER, type IamUser } from '../resources/iam-user';
import { readCredentialReport } from './credential-report';
import { inlinePolicies } from './iam-documents';

const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'];

type NamedUser = User & { UserName: string; Arn: string };

async function describeUser(user: NamedUser, report: ReadonlyMap<string, CredentialReport>, iam: ScanClients['iam'], ctx: CollectContext): Promise<unknown> {
  const { UserName } = user;
  const [mfaPages, tagPages, groupPages, inlinePages, attachedPages] = await Promise.all([
    listAll(ctx, 'ListMFADevices', paginateListMFADevices, iam, { UserName }, (page) => page.Marker),
    listAll(ctx, 'ListUserTags', paginateListUserTags, iam, { UserName }, (page) => page.Marker),
    listAll(ctx, 'ListGroupsForUser', paginateListGroupsForUser, iam, { UserName }, (page) => page.Marker),
    listAll(ctx, 'ListUserPolicies', paginateListUserPolicies, iam, { UserName }, (page) => page.Marker),
    listAll(ctx, 'ListAttachedUserPolicies', paginateListAttachedUserPolicies, iam, { UserName }, (page) => page.Marker),
  ]);
  const inline = await inlinePolicies(
    ctx,
    inlinePages.flatMap((page) => page.PolicyNames ?? []),
    async (PolicyName) => {
      const output = await send(ctx, 'GetUserPolicy', () => iam.send(new GetUserPolicyCommand({ UserName, PolicyName })));
      return output?.PolicyDocument;
    },
  );
  // Virtual devices' serials are ARNs (…:mfa/name); hardware and U2F devices' are not.
  const virtual = mfaPages.flatMap((page) => page.MFADevices ?? []).find((device) => device.SerialNumber?.includes(':mfa/'));

  return {
    ResourceType: IAM_USER,
    ResourceId: user.Arn,
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Arn: user.Arn,
    Id: user.UserId ?? null,
    Name: UserName,
    Tags: tagMap(tagPages.flatMap((page) => page.Tags ?? [])),
    TimeCreated: isoOrNull(user.CreateDate),
    PasswordLastUsed: isoOrNull(user.PasswordLastUsed),
    Path: user.Path ?? null,
    PermissionsBoundary: plainOrNull(user.PermissionsBoundary),
    CredentialReport: report.get(user.Arn) ?? null,
    Groups: plain(groupPages.flatMap((page) => page.Groups ?? [])),
    InlinePolicies: inline,
    ManagedPolicyNames: attachedPages.flatMap((page) => page.AttachedPolicies ?? []).flatMap((policy) => (policy.PolicyName ? [policy.PolicyName] : [])),
    VirtualMFA: virtual ? { SerialNumber: virtual.SerialNumber ?? null, EnableDate: isoOrNull(virtual.EnableDate) } : null,
  };
}

/** Every IAM user with its credential report row, MFA, groups and policies. */
export async function collectIamUsers(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamUser>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  let users: NamedUser[];
  let report: Map<string, CredentialReport>;
  try {
    const [pages, credentials] = await Promise.all([
      listAll(ctx, 'ListUsers', paginateListUsers, clients.iam, {}, (page) => page.Marker),
      readCredentialReport(clients.iam, ctx),
    ]);
    users = pages.flatMap((page) => page.Users ?? []).filter((user): user is NamedUser => typeof user.UserName === 'string' && typeof user.Arn === 'string');
    report = credentials;
  } catch (error) {
    return listingFailed(global, IAM_USER, error);
  }
  return describeEach(
    global,
    IAM_USER,
    users,
    (user) => user.Arn,
    async (user) => {
      try {
        return await describeUser(user, report, clients.iam, ctx);
      } catch (error) {
        // Deleted between the listing and the describe: gone, not an error.
        if (error instanceof AwsCallFailure && isAbsent(error.cause, NO_SUCH_ENTITY)) return undefined;
        throw error;
      }
    },
  );
}

export const iamUserCollector: Collector<typeof IAM_USER> = {
  resourceType: IAM_USER,
  scope: 'account',
  permissions: [
    'iam:ListUsers',
    'iam:GenerateCredentialReport',
    'iam:GetCredentialReport',
    'iam:ListMFADevices',
    'iam:ListUserTags',
    'iam:ListGroupsForUser',
    'iam:ListUserPolicies',
    'iam:GetUserPolicy',
    'iam:ListAttachedUserPolicies',
  ],
  collect: collectIamUsers,
};
