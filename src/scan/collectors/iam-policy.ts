import { GetPolicyVersionCommand, paginateListPolicies, type Policy } from '@aws-sdk/client-iam';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { GLOBAL_REGION, isoOrNull } from '../resources/base';
import { IAM_POLICY, type IamPolicy } from '../resources/iam-policy';
import { decodePolicy } from './iam-documents';

type NamedPolicy = Policy & { PolicyName: string; Arn: string };

/** Customer-managed policies (AWS-managed ones are AWS's to write) with their default version's document. */
export async function collectIamPolicies(clients: Pick<ScanClients, 'iam'>, ctx: CollectContext): Promise<CollectionResult<IamPolicy>> {
  const global = { ...ctx, region: GLOBAL_REGION };
  let policies: NamedPolicy[];
  try {
    const pages = await listAll(ctx, 'ListPolicies', paginateListPolicies, clients.iam, { Scope: 'Local' }, (page) => page.Marker);
    policies = pages
      .flatMap((page) => page.Policies ?? [])
      .filter((policy): policy is NamedPolicy => typeof policy.PolicyName === 'string' && typeof policy.Arn === 'string');
  } catch (error) {
    return listingFailed(global, IAM_POLICY, error);
  }
  return describeEach(
    global,
    IAM_POLICY,
    policies,
    (policy) => policy.Arn,
    async (policy) => {
      let document: string | undefined;
      try {
        const version = await send(ctx, 'GetPolicyVersion', () =>
          clients.iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.Arn, VersionId: policy.DefaultVersionId ?? 'v1' })),
        );
        document = version?.PolicyVersion?.Document;
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['NoSuchEntity', 'NoSuchEntityException'])) return undefined;
        throw error;
      }
      return {
        ResourceType: IAM_POLICY,
        ResourceId: policy.Arn,
        AccountId: ctx.accountId,
        Region: GLOBAL_REGION,
        Arn: policy.Arn,
        Id: policy.PolicyId ?? null,
        Name: policy.PolicyName,
        Tags: null,
        TimeCreated: isoOrNull(policy.CreateDate),
        AttachmentCount: policy.AttachmentCount ?? null,
        DefaultVersionId: policy.DefaultVersionId ?? null,
        Description: policy.Description ?? null,
        IsAttachable: policy.IsAttachable ?? null,
        Path: policy.Path ?? null,
        PermissionsBoundaryUsageCount: policy.PermissionsBoundaryUsageCount ?? null,
        UpdateDate: isoOrNull(policy.UpdateDate),
        Entities: null,
        PolicyDocument: decodePolicy(document),
      };
    },
  );
}

export const iamPolicyCollector: Collector<typeof IAM_POLICY> = {
  resourceType: IAM_POLICY,
  scope: 'account',
  permissions: ['iam:ListPolicies', 'iam:GetPolicyVersion'],
  collect: collectIamPolicies,
};
