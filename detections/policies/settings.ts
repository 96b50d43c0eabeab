import { describeIssues } from '../../src/config/zod-issues';
import { scanPolicySettingsSchema, type ScanPolicySettings } from '../../src/config/scan-policy-settings';
import { ProwlError } from '../../src/errors';
import { settings as detectionSettings } from '../settings';

/**
 * What the cloud-security policies hold resources to, as one live object: the defaults below until
 * the configuration (prowl.config.yml → scanPolicies, see src/config/scan-policy-settings.ts) is
 * applied at start. Policies read it when they run, never at import, so the applied values count.
 * Approved regions default to the log rules' (detections/settings.ts) so the two never disagree.
 */
export type PolicySettings = Omit<ScanPolicySettings, 'approvedRegions'> & { approvedRegions: string[] };

export function parsePolicySettings(input: unknown): PolicySettings {
  const parsed = scanPolicySettingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new ProwlError('prowl_config_invalid', `scan policy settings are invalid:\n${describeIssues(parsed.error, 'scanPolicies')}`, { cause: parsed.error });
  }
  return { ...parsed.data, approvedRegions: parsed.data.approvedRegions ?? [...detectionSettings.approvedRegions] };
}

export const policySettings: PolicySettings = parsePolicySettings({ publicBuckets: ['arn:aws:s3:::acme-public-website-*'] });

/**
 * Makes the configured settings the ones in force. Arrays are replaced in place: a policy's
 * `ignoreResources` holds the very `publicBuckets` array, so exemptions follow the configuration.
 */
export function applyPolicySettings(input: unknown): PolicySettings {
  const next = parsePolicySettings(input);
  for (const key of Object.keys(next) as Array<keyof PolicySettings>) {
    const current = policySettings[key];
    const value = next[key];
    if (Array.isArray(current) && Array.isArray(value)) (current as unknown[]).splice(0, current.length, ...value);
    else Object.assign(policySettings, { [key]: value });
  }
  return policySettings;
}
