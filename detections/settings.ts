import { z } from 'zod';
import { describeIssues } from '../src/config/zod-issues';
import { ProwlError } from '../src/errors';

/**
 * Organisation-specific values the detections compare events against. They live in one place so a
 * deployment edits this file (and nothing in the rules) to say what "normal" means for it; the
 * values are validated when the pack loads, so a typo fails loudly instead of silently widening a rule.
 */
const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');
const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/, 'expected an AWS region name such as us-east-1');
const cidr = z.union([z.cidrv4(), z.cidrv6()], { error: 'expected a CIDR block such as 10.0.0.0/8 or 2001:db8::/32' });
/** picomatch globs: `*` stops at `/`, `**` crosses it (ARNs of roles with paths need `**`). */
const glob = z.string().min(1, 'expected a non-empty glob');
const port = z.number().int().min(0).max(65535);

export const detectionSettingsSchema = z.strictObject({
  /** Accounts inside the organization: sharing with them is normal, with anyone else it is exfiltration. */
  organizationAccountIds: z.array(accountId).min(1),
  /** Regions the organization works in; writes anywhere else are suspicious. */
  approvedRegions: z.array(region).min(1),
  /** Networks allowed to reach S3 directly (offices, VPN egress, VPC ranges). */
  allowedNetworks: z.array(cidr),
  /** Address space of the organization's own hosts, used to tell inbound from outbound flows. */
  internalNetworks: z.array(cidr).min(1),
  /** Buckets (name globs) that should only ever be reached from allowedNetworks. */
  networkRestrictedBuckets: z.array(glob),
  /** Which principals (ARN globs; the role ARN for role sessions) may access each bucket (bucket-name glob); buckets not listed are not checked. */
  bucketAccess: z.array(z.strictObject({ bucket: glob, principals: z.array(glob).min(1) })),
  /** Principals (ARN globs; role ARN for role sessions) expected to invoke Bedrock models. */
  bedrockPrincipals: z.array(glob),
  /** Principals (ARN globs) whose job is deploying code, so Lambda code changes by them are routine. */
  deploymentPrincipals: z.array(glob),
  /** IAM group-name globs whose membership grants administrative power. */
  privilegedGroups: z.array(glob),
  /** Destination ports internal hosts are expected to use towards the internet. */
  expectedEgressPorts: z.array(port),
});

export type DetectionSettings = z.infer<typeof detectionSettingsSchema>;

export function parseDetectionSettings(input: unknown): DetectionSettings {
  const parsed = detectionSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ProwlError('prowl_config_invalid', `detection settings are invalid:\n${describeIssues(parsed.error, 'settings')}`, { cause: parsed.error });
  }
  return parsed.data;
}

export const settings: DetectionSettings = parseDetectionSettings({
  organizationAccountIds: ['123456789012', '111122223333'],
  approvedRegions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  allowedNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '198.51.100.0/24'],
  internalNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fd00::/8'],
  networkRestrictedBuckets: ['acme-prod-*', 'acme-audit-logs'],
  bucketAccess: [
    { bucket: 'acme-prod-*-data', principals: ['arn:aws:iam::123456789012:role/DataPipeline', 'arn:aws:iam::123456789012:role/Analytics*'] },
    { bucket: 'acme-audit-logs', principals: ['arn:aws:iam::123456789012:role/AuditReader'] },
  ],
  bedrockPrincipals: ['arn:aws:iam::123456789012:role/ChatAssistant', 'arn:aws:iam::123456789012:role/ml-*'],
  deploymentPrincipals: ['arn:aws:iam::*:role/GitHubActionsDeploy', 'arn:aws:iam::*:role/cdk-*'],
  privilegedGroups: ['Admins', '*Administrators', 'SecurityAdmin*'],
  expectedEgressPorts: [53, 80, 123, 443],
});
