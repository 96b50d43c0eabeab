import {
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  paginateListAccessKeys,
  paginateListMFADevices,
  paginateListUsers,
  paginateListUserTags,
  type User,
} from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, isoOrNull, tagMap } from '../resources/base';
import { IAM_USER, type IamUser } from '../resources/iam-user';

const NO_SUCH_ENTITY = ['NoSuchEntity', 'NoSuchEntityException'];

type NamedUser = User & { UserName: string; Arn: string };

async function describeUser(user: NamedUser, iam: ScanClients['iam'], ctx: CollectContext): Promise<IamUser> {
  const { UserName } = user;
  const [mfaPages, keyPages, tagPages, loginProfile] = await Promise.all([
    listAll(ctx, 'ListMFADevices', paginateListMFADevices, iam, { UserName }, (page) => page.Marker),
    listAll(ctx, 'ListAccessKeys', paginateListAccessKeys, iam, { UserName }, (page) => page.Marker),
    listAll(ctx, 'ListUserTags', paginateListUserTags, iam, { UserName }, (page) => page.Marker),
    // No login profile is the ordinary answer for a programmatic user: no console access.
    send(ctx, 'GetLoginProfile', () => iam.send(new GetLoginProfileCommand({ UserName }))).catch((error: unknown) => {
      if (error instanceof AwsCallFailure && isAbsent(error.cause, NO_SUCH_ENTITY)) return undefined;
      throw error;
    }),
  ]);

  const keys = keyPages.flatMap((page) => page.AccessKeyMetadata ?? []);
  const accessKeys = await Promise.all(
    keys.map(async (key) => {
      const AccessKeyId = key.AccessKeyId ?? '';
      const lastUsed = (await send(ctx, 'GetAccessKeyLastUsed', () => iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId })))).AccessKeyLastUsed;
      return {
        AccessKeyId,
        Status: key.Status ?? 'Unknown',
        CreateDate: isoOrNull(key.CreateDate),
        LastUsedDate: isoOrNull(lastUsed?.LastUsedDate),
        // IAM says "N/A" for keys that were never used.
        LastUsedService: lastUsed?.ServiceName && lastUsed.ServiceName !== 'N/A' ? lastUsed.ServiceName : null,
        LastUsedRegion: lastUsed?.Region && lastUsed.Region !== 'N/A' ? lastUsed.Region : null,
      };
    }),
  );

  return {
    ResourceType: IAM_USER,
    ResourceId: user.Arn,
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Tags: tagMap(tagPages.flatMap((page) => page.Tags ?? [])),
    TimeCreated: isoOrNull(user.CreateDate),
    UserName,
    UserId: user.UserId ?? '',
    Arn: user.Arn,
    Path: user.Path ?? '/',
    ConsoleAccess: loginProfile?.LoginProfile !== undefined,
    LoginProfileCreated: isoOrNull(loginProfile?.LoginProfile?.CreateDate),
    PasswordLastUsed: isoOrNull(user.PasswordLastUsed),
    MfaDevices: mfaPages.flatMap((page) => page.MFADevices ?? []).map((device) => ({ SerialNumber: device.SerialNumber ?? '', EnableDate: isoOrNull(device.EnableDate) })),
    AccessKeys: accessKeys,
  };
}

/** Every IAM user with its MFA devices, access keys (age and last use) and console access. */
export async function collectIamUsers(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamUser>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  let users: NamedUser[];
  try {
    const pages = await listAll(ctx, 'ListUsers', paginateListUsers, clients.iam, {}, (page) => page.Marker);
    users = pages.flatMap((page) => page.Users ?? []).filter((user): user is NamedUser => typeof user.UserName === 'string' && typeof user.Arn === 'string');
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
        return await describeUser(user, clients.iam, ctx);
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
  permissions: ['iam:ListUsers', 'iam:ListMFADevices', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed', 'iam:GetLoginProfile', 'iam:ListUserTags'],
  collect: collectIamUsers,
};
