import { z } from 'zod';
import { optional, resourceBase, text, time } from './base';

export const ACM_CERTIFICATE = 'AWS.ACM.Certificate';

/** DescribeCertificate's CertificateDetail, with Panther's generic fields. */
export const acmCertificateSchema = z.looseObject({
  ...resourceBase(ACM_CERTIFICATE),
  DomainName: text,
  /** ISSUED, EXPIRED, PENDING_VALIDATION, REVOKED, FAILED, … */
  Status: text,
  /** AMAZON_ISSUED, IMPORTED or PRIVATE. */
  Type: text,
  KeyAlgorithm: text,
  NotAfter: time,
  NotBefore: time,
  /** The ARNs of the load balancers, distributions and APIs serving it; empty when unused. */
  InUseBy: optional(z.array(z.string())),
  RenewalEligibility: text,
  Options: optional(z.looseObject({ CertificateTransparencyLoggingPreference: text })),
});

export type AcmCertificate = z.infer<typeof acmCertificateSchema>;
