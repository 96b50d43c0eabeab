import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  paginateListKeys,
  paginateListResourceTags,
  type KeyListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull, tagMap } from '../resources/base';
import { KMS_KEY, type KmsKey } from '../resources/kms-key';

type ListedKey = KeyListEntry & { KeyId: string };

/** States in which KMS refuses GetKeyRotationStatus. */
const NO_ROTATION_STATES = new Set(['PendingDeletion', 'PendingReplicaDeletion', 'PendingImport', 'Unavailable']);

/** Automatic rotation exists only for symmetric keys whose material KMS generated and holds. */
function rotationApplies(metadata: KeyMetadata): boolean {
  return metadata.KeySpec === 'SYMMETRIC_DEFAULT' && metadata.Origin === 'AWS_KMS' && !NO_ROTATION_STATES.has(metadata.KeyState ?? '');
}

function keyArn(key: ListedKey, ctx: CollectContext): string {
  return key.KeyArn ?? `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${key.KeyId}`;
}

async function describeKey(key: ListedKey, clients: Pick<ScanClients, 'kms'>, ctx: CollectContext): Promise<unknown> {
  const KeyId = key.KeyId;
  const metadata = (await send(ctx, 'DescribeKey', () => clients.kms.send(new DescribeKeyCommand({ KeyId })))).KeyMetadata;
  // AWS-managed keys rotate on AWS's schedule and cannot be changed: not the account's to fix.
  if (metadata?.KeyManager !== 'CUSTOMER') return undefined;

  const [rotation, tagPages, policy] = await Promise.all([
    rotationApplies(metadata)
      ? send(ctx, 'GetKeyRotationStatus', () => clients.kms.send(new GetKeyRotationStatusCommand({ KeyId })))
      : Promise.resolve(undefined),
    listAll(ctx, 'ListResourceTags', paginateListResourceTags, clients.kms, { KeyId }, (page) => page.NextMarker),
    send(ctx, 'GetKeyPolicy', () => clients.kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))),
  ]);
  const arn = metadata.Arn ?? keyArn(key, ctx);
  return {
    ResourceType: KMS_KEY,
    ResourceId: arn,
    AccountId: ctx.accountId,
    Region: ctx.region,
    Arn: arn,
    Id: KeyId,
    Tags: tagMap(tagPages.flatMap((page) => page.Tags ?? []).map((tag) => ({ Key: tag.TagKey, Value: tag.TagValue }))),
    TimeCreated: isoOrNull(metadata.CreationDate),
    CloudHsmClusterId: metadata.CloudHsmClusterId ?? null,
    CustomKeyStoreId: metadata.CustomKeyStoreId ?? null,
    DeletionDate: isoOrNull(metadata.DeletionDate),
    Description: metadata.Description ?? null,
    Enabled: metadata.Enabled ?? null,
    ExpirationModel: metadata.ExpirationModel ?? null,
    KeyManager: metadata.KeyManager ?? null,
    KeyState: metadata.KeyState ?? null,
    KeyUsage: metadata.KeyUsage ?? null,
    KeySpec: metadata.KeySpec ?? null,
    Origin: metadata.Origin ?? null,
    ValidTo: isoOrNull(metadata.ValidTo),
    MultiRegion: metadata.MultiRegion ?? null,
    KeyRotationEnabled: rotation ? (rotation.KeyRotationEnabled ?? false) : null,
    RotationPeriodInDays: rotation?.RotationPeriodInDays ?? null,
    Policy: policy?.Policy ?? null,
  };
}

/**
 * Customer-managed keys. A key whose key policy does not let the audit role describe it is
 * reported as access denied for that key, and the other keys are still collected.
 */
export async function collectKmsKeys(clients: Pick<ScanClients, 'kms'>, ctx: CollectContext): Promise<CollectionResult<KmsKey>> {
  let keys: ListedKey[];
  try {
    const pages = await listAll(ctx, 'ListKeys', paginateListKeys, clients.kms, {}, (page) => page.NextMarker);
    keys = pages.flatMap((page) => page.Keys ?? []).filter((key): key is ListedKey => typeof key.KeyId === 'string');
  } catch (error) {
    return listingFailed(ctx, KMS_KEY, error);
  }
  return describeEach(
    ctx,
    KMS_KEY,
    keys,
    (key) => keyArn(key, ctx),
    (key) => describeKey(key, clients, ctx),
  );
}

export const kmsKeyCollector: Collector<typeof KMS_KEY> = {
  resourceType: KMS_KEY,
  scope: 'region',
  permissions: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy', 'kms:ListResourceTags'],
  collect: collectKmsKeys,
};
