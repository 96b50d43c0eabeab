import { paginateListVirtualMFADevices } from '@aws-sdk/client-iam';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, isoOrNull } from '../resources/base';
import { IAM_ROOT_USER, type IamRootUser } from '../resources/iam-root-user';
import { readCredentialReport } from './credential-report';

/**
 * The root user's credential report row and its virtual MFA device. Root with MFA active and no
 * virtual device assigned to it uses a hardware device.
 */
export async function collectIamRootUser(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamRootUser>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  const arn = `arn:${ctx.partition}:iam::${ctx.accountId}:root`;
  let root: unknown;
  try {
    const [report, mfaPages] = await Promise.all([
      readCredentialReport(clients.iam, ctx),
      listAll(ctx, 'ListVirtualMFADevices', paginateListVirtualMFADevices, clients.iam, { AssignmentStatus: 'Assigned' }, (page) => page.Marker),
    ]);
    const device = mfaPages.flatMap((page) => page.VirtualMFADevices ?? []).find((candidate) => candidate.User?.Arn === arn);
    root = {
      ResourceType: IAM_ROOT_USER,
      ResourceId: arn,
      AccountId: ctx.accountId,
      Region: GLOBAL_REGION,
      Arn: arn,
      Name: 'root',
      Tags: null,
      TimeCreated: report.get(arn)?.UserCreationTime ?? null,
      CredentialReport: report.get(arn) ?? null,
      VirtualMFA: device ? { SerialNumber: device.SerialNumber ?? null, EnableDate: isoOrNull(device.EnableDate) } : null,
    };
  } catch (error) {
    return listingFailed(global, IAM_ROOT_USER, error);
  }
  // Validated like every other resource, so a surprising report is reported rather than judged.
  return describeEach(
    global,
    IAM_ROOT_USER,
    [root],
    () => arn,
    async (resource) => resource,
  );
}

export const iamRootUserCollector: Collector<typeof IAM_ROOT_USER> = {
  resourceType: IAM_ROOT_USER,
  scope: 'account',
  permissions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'iam:ListVirtualMFADevices'],
  collect: collectIamRootUser,
};
