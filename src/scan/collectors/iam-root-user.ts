import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { send, listingFailed, describeEach, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION } from '../resources/base';
import { IAM_ROOT_USER, type IamRootUser } from '../resources/iam-root-user';

/** The root user's MFA and keys, read from the account summary (no credential report needed). */
export async function collectIamRootUser(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamRootUser>> {
  const arn = `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
  let summary: Record<string, number>;
  try {
    const output = await send(ctx, 'GetAccountSummary', () => clients.iam.send(new GetAccountSummaryCommand({})));
    summary = Object.fromEntries(Object.entries(output.SummaryMap ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  } catch (error) {
    return listingFailed({ ...ctx, region: GLOBAL_REGION }, IAM_ROOT_USER, error);
  }
  const root: IamRootUser = {
    ResourceType: IAM_ROOT_USER,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: GLOBAL_REGION,
    Tags: {},
    TimeCreated: null,
    Arn: arn,
    MfaEnabled: summary['AccountMFAEnabled'] === 1,
    AccessKeysPresent: (summary['AccountAccessKeysPresent'] ?? 0) > 0,
    SigningCertificatesPresent: (summary['AccountSigningCertificatesPresent'] ?? 0) > 0,
    AccountSummary: summary,
  };
  // Validated like every other resource, so a surprising summary is reported rather than judged.
  return describeEach({ ...ctx, region: GLOBAL_REGION }, IAM_ROOT_USER, [root], () => arn, async (resource) => resource);
}

export const iamRootUserCollector: Collector<typeof IAM_ROOT_USER> = {
  resourceType: IAM_ROOT_USER,
  scope: 'account',
  permissions: ['iam:GetAccountSummary'],
  collect: collectIamRootUser,
};
