import { GetAccountPasswordPolicyCommand, type PasswordPolicy } from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION } from '../resources/base';
import { IAM_PASSWORD_POLICY, type IamPasswordPolicy } from '../resources/iam-password-policy';

function normalize(policy: PasswordPolicy | undefined, ctx: CollectContext): IamPasswordPolicy {
  return {
    ResourceType: IAM_PASSWORD_POLICY,
    ResourceId: passwordPolicyId(ctx),
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Tags: {},
    TimeCreated: null,
    Configured: policy !== undefined,
    MinimumPasswordLength: policy?.MinimumPasswordLength ?? null,
    RequireSymbols: policy?.RequireSymbols ?? false,
    RequireNumbers: policy?.RequireNumbers ?? false,
    RequireUppercaseCharacters: policy?.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: policy?.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: policy?.AllowUsersToChangePassword ?? false,
    ExpirePasswords: policy?.ExpirePasswords ?? false,
    MaxPasswordAge: policy?.MaxPasswordAge ?? null,
    PasswordReusePrevention: policy?.PasswordReusePrevention ?? null,
    HardExpiry: policy?.HardExpiry ?? false,
  };
}

/** The policy has no ARN of its own; this id reads like one so suppression globs work the same way. */
function passwordPolicyId(ctx: Pick<CollectContext, 'partition' | 'accountId'>): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:account-password-policy`;
}

/** The account password policy; an account without one yields a resource with `Configured: false`. */
export async function collectIamPasswordPolicy(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamPasswordPolicy>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  let policy: PasswordPolicy | undefined;
  try {
    const output = await send(ctx, 'GetAccountPasswordPolicy', () => clients.iam.send(new GetAccountPasswordPolicyCommand({})));
    policy = output.PasswordPolicy;
  } catch (error) {
    if (!(error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchEntity', 'NoSuchEntityException']))) {
      return listingFailed(global, IAM_PASSWORD_POLICY, error);
    }
  }
  return describeEach(global, IAM_PASSWORD_POLICY, [normalize(policy, ctx)], () => passwordPolicyId(ctx), async (resource) => resource);
}

export const iamPasswordPolicyCollector: Collector<typeof IAM_PASSWORD_POLICY> = {
  resourceType: IAM_PASSWORD_POLICY,
  scope: 'account',
  permissions: ['iam:GetAccountPasswordPolicy'],
  collect: collectIamPasswordPolicy,
};
