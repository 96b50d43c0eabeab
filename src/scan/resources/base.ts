import { z } from 'zod';

/**
 * The fields every scanned resource carries, whatever its type, named and shaped as Panther v1's
 * snapshot poller writes them (they mirror the AWS API responses), so resources exported from
 * Panther and policies written against them work unchanged.
 *
 * Schemas check only the fields policies read. Unknown fields are kept (loose objects), and a field
 * that is missing reads as null, as Panther writes absent values: a policy never meets `undefined`.
 */
export const accountIdSchema = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');

/** Global services (IAM, account-level settings) carry this instead of a region, as Panther does. */
export const GLOBAL_REGION = 'global';

export const regionSchema = z
  .string()
  .regex(/^([a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+|global)$/, 'expected an AWS region name such as us-east-1, or "global" for account-wide resources');

/** ISO-8601 with an offset: what the SDK's dates serialize to, and what Panther's Go times marshal to. */
export const timestampSchema = z.iso.datetime({ offset: true, error: 'expected an ISO-8601 timestamp such as 2026-11-22T10:00:00.000Z' });

/** A field a resource may lack: absent and null both read as null. */
export function optional<T extends z.ZodType>(schema: T): z.ZodDefault<z.ZodNullable<T>> {
  return schema.nullable().default(null);
}

export const text = optional(z.string());
export const flag = optional(z.boolean());
export const count = optional(z.number());
export const time = optional(timestampSchema);
/** A list of anything, kept as given: fields no policy reads are not validated beyond their shape. */
export const anyList = optional(z.array(z.unknown()));
export const anyObject = optional(z.record(z.string(), z.unknown()));

export function resourceBase<T extends string>(resourceType: T) {
  return {
    ResourceType: z.literal(resourceType),
    /** Panther's id for the resource: the ARN where it has one; the value suppression globs match against. */
    ResourceId: z.string().min(1),
    AccountId: accountIdSchema,
    Region: regionSchema,
    Arn: text,
    Id: text,
    Name: text,
    /** Tag key → value; Panther writes null for a key without a value. */
    Tags: optional(z.record(z.string(), z.string().nullable())),
    TimeCreated: time,
  };
}

/** SDK tag lists ({Key, Value}) as one plain map, or null when there are none (as Panther writes it). */
export function tagMap(tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined): Record<string, string> | null {
  if (!tags || tags.length === 0) return null;
  const map: Record<string, string> = {};
  for (const tag of tags) if (tag.Key !== undefined) map[tag.Key] = tag.Value ?? '';
  return map;
}

/** SDK dates as ISO strings; absent stays null so every attribute is present in the resource JSON. */
export function isoOrNull(date: Date | undefined): string | null {
  return date ? date.toISOString() : null;
}

/**
 * An SDK response object as resource JSON: dates become ISO strings, `undefined` members are dropped
 * (the schema then reads them as null), and nothing else changes, so field names stay the API's.
 */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined && key !== '$metadata') out[key] = plain(member);
    return out;
  }
  return value;
}

/** An SDK value as resource JSON, or null when AWS returned nothing (as Panther writes absent values). */
export function plainOrNull(value: unknown): unknown {
  return value === undefined || value === null ? null : plain(value);
}

/**
 * An SDK value from a service whose API names members in camelCase (Config, EKS, ECS) as resource
 * JSON with Panther's names: its Go SDK capitalized every member (`recordingGroup` →
 * `RecordingGroup`). The keys of members that are maps of user data (log driver `options`) are
 * data, not member names: they are kept as written.
 */
export function pascalKeys(value: unknown, dataMaps: ReadonlySet<string> = new Set()): unknown {
  const convert = (member: unknown): unknown => {
    if (Array.isArray(member)) return member.map(convert);
    if (member !== null && typeof member === 'object') {
      return Object.fromEntries(
        Object.entries(member).map(([key, inner]) => [key.charAt(0).toUpperCase() + key.slice(1), dataMaps.has(key) ? inner : convert(inner)]),
      );
    }
    return member;
  };
  return convert(plain(value));
}
