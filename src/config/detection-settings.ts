import { z } from 'zod';
import { ProwlError } from '../errors';
import { describeIssues } from './zod-issues';

/**
 * What "normal" means for one organisation: its accounts, regions, networks and the principals
 * expected to do sensitive things. Rules compare events against these values, so they belong to the
 * deployment (the `detections:` section of prowl.config.yml), never to the code. Every list starts
 * empty: a rule that needs a list the user left empty says so at start (see unconfiguredRules) and
 * falls back to the behaviour its description documents.
 */
const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');
const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/, 'expected an AWS region name such as us-east-1');
const cidr = z.union([z.cidrv4(), z.cidrv6()], { error: 'expected a CIDR block such as 10.0.0.0/8 or 2001:db8::/32' });
/** picomatch globs: `*` stops at `/`, `**` crosses it (ARNs of roles with paths need `**`). */
const glob = z.string().min(1, 'expected a non-empty glob');
const port = z.number().int().min(0).max(65535);

export const detectionSettingsSchema = z.strictObject({
  /** Accounts inside the organization: sharing with them is normal, with anyone else it is exfiltration. */
  organizationAccountIds: z.array(accountId).default([]),
  /** Regions the organization works in; writes anywhere else are suspicious. */
  approvedRegions: z.array(region).default([]),
  /** Networks allowed to reach S3 directly (offices, VPN egress, VPC ranges). */
  allowedNetworks: z.array(cidr).default([]),
  /** Address space of the organization's own hosts, used to tell inbound from outbound flows. */
  internalNetworks: z.array(cidr).default([]),
  /** Buckets (name globs) that should only ever be reached from allowedNetworks. */
  networkRestrictedBuckets: z.array(glob).default([]),
  /** Which principals (ARN globs; the role ARN for role sessions) may access each bucket (bucket-name glob); buckets not listed are not checked. */
  bucketAccess: z
    .array(z.strictObject({ bucket: glob, principals: z.array(glob).min(1, 'list at least one principal glob allowed on the bucket') }))
    .default([]),
  /** Principals (ARN globs; role ARN for role sessions) expected to invoke Bedrock models. */
  bedrockPrincipals: z.array(glob).default([]),
  /** Principals (ARN globs) whose job is deploying code, so Lambda code changes by them are routine. */
  deploymentPrincipals: z.array(glob).default([]),
  /** IAM group-name globs whose membership grants administrative power. */
  privilegedGroups: z.array(glob).default([]),
  /** Destination ports internal hosts are expected to use towards the internet. */
  expectedEgressPorts: z.array(port).default([]),
  /** Buckets (ARN globs) that are public on purpose, such as static websites; the public-bucket policies pass them. */
  publicBuckets: z.array(glob).default([]),
});

export type DetectionSettings = z.infer<typeof detectionSettingsSchema>;
export type DetectionSettingName = keyof DetectionSettings;

export const DETECTION_SETTING_NAMES = Object.keys(detectionSettingsSchema.shape) as DetectionSettingName[];

/** Validates the `detections:` section; `origin` names where it came from in the error. */
export function parseDetectionSettings(input: unknown, origin = 'detections'): DetectionSettings {
  const parsed = detectionSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new ProwlError('prowl_config_invalid', `detection settings are invalid:\n${describeIssues(parsed.error, origin)}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** No organisation facts at all: what a deployment that configured nothing runs with. Shared, so frozen through. */
export const EMPTY_DETECTION_SETTINGS: DetectionSettings = Object.freeze(
  Object.fromEntries(Object.entries(parseDetectionSettings({})).map(([name, value]) => [name, Object.freeze(value)])) as DetectionSettings,
);

/** Something that needs organisation settings: a rule or a policy, by id. */
export interface SettingsConsumer {
  id: string;
  enabled?: boolean;
  requiresSettings?: readonly DetectionSettingName[];
}

/** Each setting left empty that an enabled rule or policy needs, with the ids of those that need it. */
export function unconfiguredSettings(
  consumers: readonly SettingsConsumer[],
  settings: DetectionSettings,
): Array<{ setting: DetectionSettingName; ids: string[] }> {
  return DETECTION_SETTING_NAMES.filter((name) => settings[name].length === 0)
    .map((setting) => ({
      setting,
      ids: consumers
        .filter((c) => c.enabled !== false && c.requiresSettings?.includes(setting))
        .map((c) => c.id)
        .sort(),
    }))
    .filter((entry) => entry.ids.length > 0);
}

/**
 * The one warning a process prints at start when settings rules need are empty, or undefined when
 * nothing is missing. Each rule documents what it does meanwhile (stays quiet, or a safe fallback).
 */
export function unconfiguredSettingsWarning(consumers: readonly SettingsConsumer[], settings: DetectionSettings): string | undefined {
  const missing = unconfiguredSettings(consumers, settings);
  if (missing.length === 0) return undefined;
  const lines = missing.map(({ setting, ids }) => `  detections.${setting} is empty; used by ${ids.join(', ')}`);
  return `Some detections run without organisation settings (see detections/README.md for what each does meanwhile):\n${lines.join('\n')}`;
}
