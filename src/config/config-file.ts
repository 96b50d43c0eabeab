import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ProwlError } from '../errors';
import { detectionSettingsSchema } from './detection-settings';
import { scanPolicySettingsSchema } from './scan-policy-settings';
import { severitySchema } from './severity';
import { describeIssues } from './zod-issues';

/**
 * The configuration file (prowl.config.yml): what Prowl watches, who gets which alerts and who may
 * change what. Deployment names (tables, queues) and secrets are not here: they come from the
 * environment (see runtime-env.ts).
 */

const slackChannel = z
  .string()
  .regex(/^(#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{6,})$/, 'expected a channel name like "#security-alerts" or a channel id like "C0123ABCD"');

const slackPrincipal = z
  .string()
  .regex(/^([UWS][A-Z0-9]{2,}|local)$/, 'expected a Slack user id (U…/W…), a user group id (S…), or "local" for the terminal user');

const sourceSchema = z
  .object({
    label: z.string().min(1).describe('shown as p_source_label'),
    bucket: z.string().min(1).optional().describe("defaults to Prowl's own raw bucket"),
    prefix: z.string().default(''),
    logTypes: z.array(z.string().min(1)).default([]),
  })
  .strict();

/**
 * Storm control: when one rule opens more than `threshold` alerts for one channel within
 * `windowMinutes` (counted from the first), they are grouped under one message and listed in its thread.
 */
export const stormSettingsSchema = z
  .object({
    threshold: z.number().int().min(1).max(10_000).default(10),
    windowMinutes: z.number().int().min(1).max(60).default(5),
  })
  .strict();
export type StormSettings = z.infer<typeof stormSettingsSchema>;

const teamSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
    channel: slackChannel,
    minSeverity: severitySchema.default('INFO'),
    owns: z
      .object({
        ruleIds: z.array(z.string()).default([]),
        tags: z.array(z.string()).default([]),
        logTypes: z.array(z.string()).default([]),
        accounts: z.array(z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id')).default([]),
        sources: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    responders: z.array(slackPrincipal).default([]),
    /** This team's storm thresholds; `options.storm` when absent. */
    storm: z
      .object({ threshold: stormSettingsSchema.shape.threshold.unwrap(), windowMinutes: stormSettingsSchema.shape.windowMinutes.unwrap() })
      .partial()
      .strict()
      .optional(),
    /** Ask the person behind each of this team's alerts whether it was them (see `confirmation`). */
    askActor: z.boolean().optional(),
    escalation: z
      .object({
        afterMinutes: z
          .partialRecord(
            severitySchema,
            z
              .number()
              .int()
              .min(1)
              .max(7 * 24 * 60),
          )
          .describe('severity → minutes an alert may stay open (not acknowledged) before the team is re-notified; severities left out never escalate'),
        notify: z.array(slackPrincipal).optional().describe("who is mentioned; defaults to the team's responders"),
        alsoChannel: slackChannel.optional().describe('a second channel that hears about escalations too'),
      })
      .strict()
      .optional(),
  })
  .strict();

const email = z.email('expected an email address like "alice@example.com"');
const principalToEmail = z.record(z.string().min(1), email).default({});

/**
 * "Was this you?": which AWS principals are which Slack people. Identity Center user names and IAM
 * user names are set by AWS; role session names are chosen by whoever assumes the role, so only the
 * names listed here map, never through `emailDomain`.
 */
const confirmationSchema = z
  .object({
    timeoutMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** Rule ids (exact or ending in `*`) that ask the actor, besides rules that say `confirmWithActor` themselves. */
    rules: z.array(z.string().min(1)).default([]),
    /** For the rules above and teams with `askActor`: a "yes" resolves the alert as benign. */
    resolveOnYes: z.boolean().default(false),
    identityCenterUsers: principalToEmail,
    iamUsers: principalToEmail,
    roleSessions: principalToEmail,
    emailDomain: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'expected a domain like "example.com"')
      .optional(),
  })
  .strict();

export const configFileSchema = z
  .object({
    sources: z.array(sourceSchema).min(1, 'declare at least one log source'),
    slack: z
      .object({
        defaultChannel: slackChannel,
        opsChannel: slackChannel,
      })
      .strict(),
    teams: z.array(teamSchema).default([]),
    roles: z
      .object({
        admins: z.array(slackPrincipal).default([]),
        responders: z.array(slackPrincipal).default([]),
      })
      .strict()
      .prefault({}),
    /** User-defined JSON log types; each declaration is validated by src/logs/custom-log-type.ts at start. */
    logTypes: z.array(z.record(z.string(), z.unknown())).default([]),
    /** What normal looks like for this organisation (accounts, regions, networks, expected principals); rules read it through their context. */
    detections: detectionSettingsSchema.prefault({}),
    /** Accounts and regions the daily scan covers; validated by the scan module (src/scan/scan-plan.ts) at start. */
    scan: z.record(z.string(), z.unknown()).optional(),
    /** The organisation's standards for cloud-security policies (src/config/scan-policy-settings.ts); every key has a default. */
    scanPolicies: scanPolicySettingsSchema.prefault({}),
    confirmation: confirmationSchema.prefault({}),
    /** The data lake's upkeep: when an hour is closed and rewritten as Parquet (src/lake/compaction.ts). */
    lake: z
      .object({
        compaction: z
          .object({
            /** Minutes after an hour ends before it is compacted, so late-arriving log objects land in JSON first. */
            settleMinutes: z
              .number()
              .int()
              .min(0)
              .max(7 * 24 * 60)
              .default(60),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    options: z
      .object({
        dedupPeriodMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(60),
        ruleTimeBudgetMs: z.number().int().min(1).max(10_000).default(100),
        sampleEventsPerAlert: z.number().int().min(0).max(20).default(5),
        storm: stormSettingsSchema.prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;
export type SourceConfig = ConfigFile['sources'][number];
export type TeamConfig = ConfigFile['teams'][number];
export type ConfirmationConfig = ConfigFile['confirmation'];

export function parseConfigFile(text: string, origin: string): ConfigFile {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ProwlError('prowl_config_invalid', `${origin} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const result = configFileSchema.safeParse(document ?? {});
  if (!result.success) {
    throw new ProwlError('prowl_config_invalid', `${origin} is invalid:\n${describeIssues(result.error)}`);
  }
  return result.data;
}

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ProwlError('prowl_config_invalid', `cannot read the configuration file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseConfigFile(text, path);
}
