import { z } from 'zod';

/**
 * `scanPolicies` in prowl.config.yml: the standards the cloud-security policies hold resources to.
 * Every key has a default, so the section is optional; a deployment changes these values, never the
 * policies, which receive them through their context. Facts about the organisation that log rules
 * read too (approved regions, buckets public on purpose, its accounts) live under `detections`.
 */
const port = z.number().int().min(0).max(65535);

export const scanPolicySettingsSchema = z.strictObject({
  /** Ports for remote administration: never open to the internet. */
  adminPorts: z.array(port).min(1).default([22, 3389]),
  /** Database and cache ports: never open to the internet. */
  databasePorts: z.array(port).min(1).default([1433, 1521, 3306, 5432, 5439, 6379, 9042, 9200, 9300, 11211, 27017]),
  /** An active access key older than this must be rotated. */
  accessKeyMaxAgeDays: z.number().int().min(1).default(90),
  /** An active access key (or console password) unused this long should be removed. */
  credentialMaxUnusedDays: z.number().int().min(1).default(90),
  /** The root user's password used within this many days is reported. */
  rootRecentUseDays: z.number().int().min(1).default(30),
  passwordPolicy: z
    .strictObject({
      minimumLength: z.number().int().min(6).max(128).default(14),
      /** How many previous passwords may not be reused. */
      reusePrevention: z.number().int().min(1).max(24).default(24),
    })
    .prefault({}),
  /** AWS accounts outside the organisation that it trusts (vendors it vetted): cross-account access to them, like to detections.organizationAccountIds, is not reported. */
  trustedAccounts: z.array(z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id')).default([]),
  /** Lambda runtimes past their end of support. */
  deprecatedLambdaRuntimes: z
    .array(z.string().min(1))
    .default([
      'nodejs',
      'nodejs4.3',
      'nodejs6.10',
      'nodejs8.10',
      'nodejs10.x',
      'nodejs12.x',
      'nodejs14.x',
      'nodejs16.x',
      'python2.7',
      'python3.6',
      'python3.7',
      'python3.8',
      'ruby2.5',
      'ruby2.7',
      'java8',
      'dotnetcore1.0',
      'dotnetcore2.1',
      'dotnetcore3.1',
      'dotnet6',
      'go1.x',
    ]),
});

export type ScanPolicySettingsInput = z.input<typeof scanPolicySettingsSchema>;
export type ScanPolicySettings = z.infer<typeof scanPolicySettingsSchema>;

/** The standards in force when prowl.config.yml says nothing: what policy tests and `prowl test` run with. */
export const DEFAULT_SCAN_POLICY_SETTINGS: ScanPolicySettings = Object.freeze(scanPolicySettingsSchema.parse({}));
