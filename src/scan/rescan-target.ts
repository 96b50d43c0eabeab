import { z } from 'zod';
import { RESOURCE_TYPE_NAMES, type Resource, type ResourceTypeName } from './resource-types';
import { accountIdSchema, regionSchema } from './resources/base';

/**
 * One resource to scan again because someone changed it: the account and region it lives in, its
 * type, and the name CloudTrail calls it by (a bucket name, a group id, a trail name or ARN, a key
 * id or ARN, a user name). Sent on the jobs queue, so validated when read.
 */
export const rescanTargetSchema = z.strictObject({
  accountId: accountIdSchema,
  /** Where the change was made; "global" for account-wide types (IAM, S3). */
  region: regionSchema,
  resourceType: z.enum(RESOURCE_TYPE_NAMES as [ResourceTypeName, ...ResourceTypeName[]]),
  name: z.string().min(1).max(512),
});

export type RescanTarget = z.infer<typeof rescanTargetSchema>;

/** One key per resource, for debouncing bursts of changes to it. */
export function rescanKey(target: RescanTarget): string {
  return `${target.accountId}/${target.region}/${target.resourceType}/${target.name}`;
}

/** True when the resource is the one the target names, by any of the names CloudTrail uses for it. */
export function isTargetResource(resource: Resource, target: RescanTarget): boolean {
  if (resource.ResourceType !== target.resourceType || resource.AccountId !== target.accountId) return false;
  // One per account: the password policy, the root user.
  if (target.resourceType === 'AWS.PasswordPolicy' || target.resourceType === 'AWS.IAM.RootUser') return true;
  return [resource.ResourceId, resource.Arn, resource.Id, resource.Name].includes(target.name);
}
