import { DescribeCertificateCommand, KeyAlgorithm, ListTagsForCertificateCommand, paginateListCertificates } from '@aws-sdk/client-acm';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, plain, tagMap } from '../resources/base';
import { ACM_CERTIFICATE, type AcmCertificate } from '../resources/acm-certificate';

/** ListCertificates returns only RSA certificates unless asked for every key type. */
const EVERY_KEY_TYPE = Object.values(KeyAlgorithm);

/** Every certificate of the region, whatever its key type or status, as DescribeCertificate describes it, with its tags. */
export async function collectAcmCertificates(clients: Pick<ScanClients, 'acm'>, ctx: CollectContext): Promise<CollectionResult<AcmCertificate>> {
  let arns: string[];
  try {
    const pages = await listAll(
      ctx,
      'ListCertificates',
      paginateListCertificates,
      clients.acm,
      { Includes: { keyTypes: EVERY_KEY_TYPE } },
      (page) => page.NextToken,
    );
    arns = pages.flatMap((page) => page.CertificateSummaryList ?? []).flatMap((summary) => (summary.CertificateArn ? [summary.CertificateArn] : []));
  } catch (error) {
    return listingFailed(ctx, ACM_CERTIFICATE, error);
  }
  return describeEach(
    ctx,
    ACM_CERTIFICATE,
    arns,
    (arn) => arn,
    async (CertificateArn) => {
      try {
        const [described, tags] = await Promise.all([
          send(ctx, 'DescribeCertificate', () => clients.acm.send(new DescribeCertificateCommand({ CertificateArn }))),
          send(ctx, 'ListTagsForCertificate', () => clients.acm.send(new ListTagsForCertificateCommand({ CertificateArn }))),
        ]);
        const certificate = described?.Certificate ?? {};
        return {
          ...(plain(certificate) as object),
          ResourceType: ACM_CERTIFICATE,
          ResourceId: CertificateArn,
          AccountId: ctx.accountId,
          Region: ctx.region,
          Arn: CertificateArn,
          Id: CertificateArn.split('/').pop() ?? null,
          Name: certificate.DomainName ?? null,
          Tags: tagMap(tags?.Tags),
          TimeCreated: isoOrNull(certificate.CreatedAt ?? certificate.ImportedAt),
        };
      } catch (error) {
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['ResourceNotFoundException'])) return undefined;
        throw error;
      }
    },
  );
}

export const acmCertificateCollector: Collector<typeof ACM_CERTIFICATE> = {
  resourceType: ACM_CERTIFICATE,
  scope: 'region',
  permissions: ['acm:ListCertificates', 'acm:DescribeCertificate', 'acm:ListTagsForCertificate'],
  collect: collectAcmCertificates,
};
