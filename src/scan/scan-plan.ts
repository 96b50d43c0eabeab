import { z } from 'zod';
import { realTimeScanSchema } from '../config/scan-settings';
import { describeIssues } from '../config/zod-issues';
import { ProwlError } from '../errors';
import { COLLECTED_TYPE_NAMES } from './collectors';
import type { ResourceTypeName } from './resource-types';
import { accountIdSchema } from './resources/base';

/**
 * What to scan: which accounts, which regions in each, through which role. This is the shape the
 * configuration file's scan section should take (see the `scan:` example in the audit-role README).
 */
const regionName = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/, 'expected an AWS region name such as us-east-1');

// AWS's own limits for these AssumeRole parameters, so a bad value fails at load rather than at 3 a.m.
const externalId = z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, 'expected 2–1224 characters from letters, digits and +=,.@:/-');
const roleArn = z
  .string()
  .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'expected a role ARN such as arn:aws:iam::123456789012:role/ProwlAudit');

const accountSchema = z.strictObject({
  id: accountIdSchema,
  /** Defaults to arn:<partition>:iam::<id>:role/<roleName>. */
  roleArn: roleArn.optional(),
  /** Overrides the plan's external id for this account. */
  externalId: externalId.optional(),
  /** Regions to scan, or "all" for every region enabled in the account (found with ec2:DescribeRegions). */
  regions: z.union([z.literal('all'), z.array(regionName).min(1, 'list at least one region, or say "all"')]),
});

export const scanPlanSchema = z
  .strictObject({
    accounts: z.array(accountSchema).min(1, 'list at least one account to scan'),
    /** The audit role's name in every account (infra/audit-role.yml creates it). */
    roleName: z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM role name')
      .default('ProwlAudit'),
    /** Required by the audit role's trust policy; guards against the confused-deputy problem. */
    externalId,
    /** Shows in the scanned account's CloudTrail as the session that made every call. */
    sessionName: z
      .string()
      .regex(/^[\w+=,.@-]{2,64}$/, 'expected 2–64 characters from letters, digits and +=,.@-')
      .default('prowl-scan'),
    partition: z.enum(['aws', 'aws-us-gov', 'aws-cn']).default('aws'),
    /** Where account-wide calls (IAM, the S3 bucket listing, region discovery) go. */
    homeRegion: regionName.default('us-east-1'),
    /** Re-scans of single resources when CloudTrail shows a change (src/config/scan-settings.ts). */
    realTime: realTimeScanSchema,
    /** Scan only these resource types; every type when absent. */
    resourceTypes: z
      .array(z.enum(COLLECTED_TYPE_NAMES as [ResourceTypeName, ...ResourceTypeName[]]))
      .min(1)
      .optional(),
  })
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.accounts.forEach((account, index) => {
      if (seen.has(account.id))
        context.addIssue({ code: 'custom', path: ['accounts', index, 'id'], message: `account ${account.id} is listed twice; list each account once` });
      seen.add(account.id);
      if (account.roleArn && account.roleArn.split(':')[4] !== account.id) {
        context.addIssue({ code: 'custom', path: ['accounts', index, 'roleArn'], message: `the role must be in account ${account.id}, the account it scans` });
      }
    });
  });

export type ScanPlan = z.infer<typeof scanPlanSchema>;
export type AccountPlan = ScanPlan['accounts'][number];

export function parseScanPlan(input: unknown, origin = 'the scan plan'): ScanPlan {
  const parsed = scanPlanSchema.safeParse(input);
  if (!parsed.success) throw new ProwlError('prowl_config_invalid', `${origin} is invalid:\n${describeIssues(parsed.error, 'scan')}`, { cause: parsed.error });
  return parsed.data;
}

export function roleArnFor(account: AccountPlan, plan: Pick<ScanPlan, 'roleName' | 'partition'>): string {
  return account.roleArn ?? `arn:${plan.partition}:iam::${account.id}:role/${plan.roleName}`;
}

/**
 * The plan cut down to one account and/or one resource type, as `/prowl scan [account] [type]` asks.
 * Asking for something the plan does not cover is an error that lists what it does cover.
 */
export function narrowPlan(plan: ScanPlan, only: { accountId?: string; resourceType?: string }): ScanPlan {
  let accounts = plan.accounts;
  if (only.accountId !== undefined) {
    accounts = plan.accounts.filter((account) => account.id === only.accountId);
    if (accounts.length === 0) {
      throw new ProwlError(
        'prowl_bad_input',
        `account ${only.accountId} is not in the scan plan; scanned accounts: ${plan.accounts.map((a) => a.id).join(', ')}`,
      );
    }
  }
  let resourceTypes = plan.resourceTypes;
  if (only.resourceType !== undefined) {
    const known: readonly ResourceTypeName[] = plan.resourceTypes ?? COLLECTED_TYPE_NAMES;
    const match = known.find((name) => name.toLowerCase() === only.resourceType!.toLowerCase());
    if (!match) throw new ProwlError('prowl_bad_input', `unknown resource type "${only.resourceType}"; scanned types: ${known.join(', ')}`);
    resourceTypes = [match];
  }
  return { ...plan, accounts, ...(resourceTypes ? { resourceTypes } : {}) };
}
