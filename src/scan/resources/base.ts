import { z } from 'zod';

/**
 * The fields every scanned resource carries, whatever its type. Attribute names follow the AWS API
 * (PascalCase) so a policy author can read them next to the AWS documentation.
 */
export const accountIdSchema = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');

/** IAM is global: its resources carry this instead of a region. */
export const GLOBAL_REGION = 'global';

export const regionSchema = z
  .string()
  .regex(/^([a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+|global)$/, 'expected an AWS region name such as us-east-1, or "global" for IAM');

/** ISO-8601 with an offset, as the SDK's Date values serialize (`toISOString()`). */
export const timestampSchema = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 timestamp such as 2026-11-22T10:00:00.000Z' });

export function resourceBase<T extends string>(resourceType: T) {
  return {
    ResourceType: z.literal(resourceType),
    /** The ARN where the resource has one; the value suppression globs match against. */
    ResourceId: z.string().min(1),
    AccountId: accountIdSchema,
    Region: regionSchema,
    Tags: z.record(z.string(), z.string()),
    /** Null when the API does not say (security groups, VPCs, root user). */
    TimeCreated: timestampSchema.nullable(),
  };
}

/** SDK tag lists ({Key, Value} or {TagKey, TagValue}) as one plain map; keys without a value map to "". */
export function tagMap(tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) map[tag.Key] = tag.Value ?? '';
  return map;
}

/** SDK dates as ISO strings; absent stays null so every attribute is present in the resource JSON. */
export function isoOrNull(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}
