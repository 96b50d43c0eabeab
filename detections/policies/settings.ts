import { z } from 'zod';
import { describeIssues } from '../../src/config/zod-issues';
import { ProwlError } from '../../src/errors';

/**
 * The security standards the cloud-security policies hold resources to: the same for every
 * organisation that adopts them, validated when the pack loads. Facts about one organisation
 * (approved regions, buckets public on purpose) are not here: they come from prowl.config.yml →
 * detections, through each policy's context.
 */
const port = z.number().int().min(0).max(65535);

export const policySettingsSchema = z.strictObject({
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
  adminPorts: [22, 3389],
  // SQL Server, Oracle, MySQL, PostgreSQL, Redshift, Redis, Cassandra, Elasticsearch (HTTP and transport), Memcached, MongoDB.
  databasePorts: [1433, 1521, 3306, 5432, 5439, 6379, 9042, 9200, 9300, 11211, 27017],
  accessKeyMaxAgeDays: 90,
  credentialMaxUnusedDays: 90,
  passwordPolicy: { minimumLength: 14, reusePrevention: 24 },
});
