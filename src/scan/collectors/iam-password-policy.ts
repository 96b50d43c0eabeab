import { GetAccountPasswordPolicyCommand, type PasswordPolicy } from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, plain } from '../resources/base';
import { IAM_PASSWORD_POLICY, type IamPasswordPolicy } from '../resources/iam-password-policy';

/** GetAccountPasswordPolicy's fields as they are, plus Panther's AnyExist. */
function toResource(policy: PasswordPolicy | undefined, ctx: CollectContext): unknown {
  return {
    ResourceType: IAM_PASSWORD_POLICY,
    ResourceId: passwordPolicyId(ctx),
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Tags: null,
    TimeCreated: null,
    ...(plain(policy ?? {}) as Record<string, unknown>),
    AnyExist: policy !== undefined,
  };
}

/** The policy has no ARN of its own; this id reads like one so suppression globs work the same way. */
function passwordPolicyId(ctx: Pick<CollectContext, 'partition' | 'accountId'>): string {
  return `arn:${ctx.partition}:iam::${ctx.accountId}:account-password-policy`;
}

/** The account password policy; an account without one yields a resource with `AnyExist: false`. */
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
  return describeEach(
    global,
    IAM_PASSWORD_POLICY,
    [toResource(policy, ctx)],
    () => passwordPolicyId(ctx),
    async (resource) => resource,
  );
}

export const iamPasswordPolicyCollector: Collector<typeof IAM_PASSWORD_POLICY> = {
  resourceType: IAM_PASSWORD_POLICY,
  scope: 'account',
  permissions: ['iam:GetAccountPasswordPolicy'],
  collect: collectIamPasswordPolicy,
};
