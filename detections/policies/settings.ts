import { z } from 'zod';
import { describeIssues } from '../../src/config/zod-issues';
import { ProwlError } from '../../src/errors';
import { settings as detectionSettings } from '../settings';

/**
 * What the cloud-security policies hold resources to. A deployment edits these values (and nothing
 * in the policies) to match its standards; they are validated when the pack loads. Approved regions
 * are shared with the log rules (detections/settings.ts) so the two never disagree.
 */
const port = z.number().int().min(0).max(65535);
const glob = z.string().min(1, 'expected a non-empty glob');

export const policySettingsSchema = z.strictObject({
  /** Regions where resources may exist; anything elsewhere fails AWS.Resource.UnapprovedRegion. */
  approvedRegions: z.array(z.string()).min(1),
  /** Ports for remote administration: never open to the internet. */
  adminPorts: z.array(port).min(1),
  /** Database and cache ports: never open to the internet. */
  databasePorts: z.array(port).min(1),
  /** An active access key older than this must be rotated. */
  accessKeyMaxAgeDays: z.number().int().min(1),
  /** An active access key (or console password) unused this long should be removed. */
  credentialMaxUnusedDays: z.number().int().min(1),
  passwordPolicy: z.strictObject({
    minimumLength: z.number().int().min(6).max(128),
    /** How many previous passwords may not be reused. */
    reusePrevention: z.number().int().min(1).max(24),
  }),
  /** Bucket ARNs (picomatch globs) that are public on purpose, such as static websites. */
  publicBuckets: z.array(glob),
});

export type PolicySettings = z.infer<typeof policySettingsSchema>;

export function parsePolicySettings(input: unknown): PolicySettings {
  const parsed = policySettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ProwlError('prowl_config_invalid', `policy settings are invalid:\n${describeIssues(parsed.error, 'policySettings')}`, { cause: parsed.error });
  }
  return parsed.data;
}

export const policySettings: PolicySettings = parsePolicySettings({
  approvedRegions: detectionSettings.approvedRegions,
  adminPorts: [22, 3389],
  // SQL Server, Oracle, MySQL, PostgreSQL, Redshift, Redis, Cassandra, Elasticsearch (HTTP and transport), Memcached, MongoDB.
  databasePorts: [1433, 1521, 3306, 5432, 5439, 6379, 9042, 9200, 9300, 11211, 27017],
  accessKeyMaxAgeDays: 90,
  credentialMaxUnusedDays: 90,
  passwordPolicy: { minimumLength: 14, reusePrevention: 24 },
  publicBuckets: ['arn:aws:s3:::acme-public-website-*'],
});
