import { GLOBAL_REGION } from './resources/base';
import type { ResourceTypeName } from './resource-types';
import { rescanKey, type RescanTarget } from './rescan-target';

/**
 * Which CloudTrail API calls change a resource Prowl scans, and where in the request the changed
 * resource is named. Only configuration changes are listed: reads, and calls on resources Prowl
 * does not scan, change no policy verdict.
 */
interface Change {
  resourceType: ResourceTypeName;
  /** The requestParameters field naming the resource; absent for one-per-account resources. */
  nameField?: string;
  /** Account-wide services are collected once per account, not per region. */
  global?: boolean;
}

const bucket = (): Change => ({ resourceType: 'AWS.S3.Bucket', nameField: 'bucketName', global: true });
const securityGroup = (): Change => ({ resourceType: 'AWS.EC2.SecurityGroup', nameField: 'groupId' });
const networkAcl = (): Change => ({ resourceType: 'AWS.EC2.NetworkACL', nameField: 'networkAclId' });
const trail = (): Change => ({ resourceType: 'AWS.CloudTrail', nameField: 'name' });
const key = (): Change => ({ resourceType: 'AWS.KMS.Key', nameField: 'keyId' });
const user = (): Change => ({ resourceType: 'AWS.IAM.User', nameField: 'userName', global: true });

const CHANGES: Readonly<Record<string, Change>> = {
  ...Object.fromEntries(
    [
      'PutBucketAcl',
      'PutBucketPolicy',
      'DeleteBucketPolicy',
      // Bucket-level block: CloudTrail names it either way depending on the client.
      'PutBucketPublicAccessBlock',
      'DeleteBucketPublicAccessBlock',
      'PutPublicAccessBlock',
      'DeletePublicAccessBlock',
      'PutBucketEncryption',
      'DeleteBucketEncryption',
      'PutBucketVersioning',
      'PutBucketLogging',
      'PutBucketOwnershipControls',
      'PutBucketLifecycle',
      'PutBucketLifecycleConfiguration',
      'PutObjectLockConfiguration',
      'PutBucketTagging',
      'CreateBucket',
    ].map((name) => [`s3.amazonaws.com:${name}`, bucket()]),
  ),
  ...Object.fromEntries(
    [
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupIngress',
      'RevokeSecurityGroupEgress',
      'ModifySecurityGroupRules',
      'UpdateSecurityGroupRuleDescriptionsIngress',
    ].map((name) => [`ec2.amazonaws.com:${name}`, securityGroup()]),
  ),
  ...Object.fromEntries(
    ['CreateNetworkAclEntry', 'ReplaceNetworkAclEntry', 'DeleteNetworkAclEntry'].map((name) => [`ec2.amazonaws.com:${name}`, networkAcl()]),
  ),
  ...Object.fromEntries(
    ['CreateTrail', 'UpdateTrail', 'StartLogging', 'StopLogging', 'PutEventSelectors'].map((name) => [`cloudtrail.amazonaws.com:${name}`, trail()]),
  ),
  ...Object.fromEntries(
    ['EnableKeyRotation', 'DisableKeyRotation', 'PutKeyPolicy', 'EnableKey', 'DisableKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion'].map((name) => [
      `kms.amazonaws.com:${name}`,
      key(),
    ]),
  ),
  ...Object.fromEntries(
    [
      'CreateLoginProfile',
      'DeleteLoginProfile',
      'EnableMFADevice',
      'DeactivateMFADevice',
      'CreateAccessKey',
      'UpdateAccessKey',
      'DeleteAccessKey',
      'PutUserPolicy',
      'DeleteUserPolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AddUserToGroup',
      'RemoveUserFromGroup',
    ].map((name) => [`iam.amazonaws.com:${name}`, user()]),
  ),
  'iam.amazonaws.com:UpdateAccountPasswordPolicy': { resourceType: 'AWS.PasswordPolicy', global: true },
  'iam.amazonaws.com:DeleteAccountPasswordPolicy': { resourceType: 'AWS.PasswordPolicy', global: true },
};

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Longer than any real name or ARN of a scanned resource. The name ends up in a DynamoDB sort key
 * (at most 1,024 bytes), so an event naming something longer is ignored rather than let fail ingest.
 */
const MAX_NAME = 512;

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_NAME ? value : undefined;
}

/**
 * The resource a CloudTrail event changed, when Prowl scans it and the call succeeded; undefined
 * otherwise. Events are hostile: every field is read defensively and an odd one yields nothing.
 */
export function changedResource(event: unknown): RescanTarget | undefined {
  if (nonEmpty(field(event, 'errorCode')) !== undefined) return undefined;
  const change = CHANGES[`${String(field(event, 'eventSource'))}:${String(field(event, 'eventName'))}`];
  if (!change) return undefined;
  const accountId = nonEmpty(field(event, 'recipientAccountId')) ?? nonEmpty(field(field(event, 'userIdentity'), 'accountId'));
  const region = nonEmpty(field(event, 'awsRegion'));
  if (!accountId || !/^\d{12}$/.test(accountId) || (!change.global && !region)) return undefined;
  const name = change.nameField ? nonEmpty(field(field(event, 'requestParameters'), change.nameField)) : accountId;
  if (!name) return undefined;
  return { accountId, region: change.global ? GLOBAL_REGION : region!, resourceType: change.resourceType, name };
}

/** The distinct resources a batch of events changed, in the order first seen. */
export class ChangedResources {
  private readonly byKey = new Map<string, RescanTarget>();

  add(event: unknown): void {
    const target = changedResource(event);
    if (target) this.byKey.set(rescanKey(target), target);
  }

  list(): RescanTarget[] {
    return [...this.byKey.values()];
  }
}
