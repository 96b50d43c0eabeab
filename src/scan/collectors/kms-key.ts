import { DescribeKeyCommand, GetKeyRotationStatusCommand, paginateListKeys, paginateListResourceTags, type KeyListEntry, type KeyMetadata } from '@aws-sdk/client-kms';
import { describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { isoOrNull } from '../resources/base';
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

async function describeKey(key: ListedKey, clients: Pick<ScanClients, 'kms'>, ctx: CollectContext): Promise<KmsKey | undefined> {
  const KeyId = key.KeyId;
  const metadata = (await send(ctx, 'DescribeKey', () => clients.kms.send(new DescribeKeyCommand({ KeyId })))).KeyMetadata;
  // AWS-managed keys rotate on AWS's schedule and cannot be changed: not the account's to fix.
  if (!metadata || metadata.KeyManager !== 'CUSTOMER') return undefined;

  const [rotation, tagPages] = await Promise.all([
    rotationApplies(metadata) ? send(ctx, 'GetKeyRotationStatus', () => clients.kms.send(new GetKeyRotationStatusCommand({ KeyId }))) : Promise.resolve(undefined),
    listAll(ctx, 'ListResourceTags', paginateListResourceTags, clients.kms, { KeyId }, (page) => page.NextMarker),
  ]);
  const tags: Record<string, string> = {};
  for (const tag of tagPages.flatMap((page) => page.Tags ?? [])) if (tag.TagKey !== undefined) tags[tag.TagKey] = tag.TagValue ?? '';

  return {
    ResourceType: KMS_KEY,
    ResourceId: metadata.Arn ?? keyArn(key, ctx),
    AccountId: ctx.accountId,
    Region: ctx.region,
    Tags: tags,
    TimeCreated: isoOrNull(metadata.CreationDate),
    KeyId,
    Arn: metadata.Arn ?? keyArn(key, ctx),
    Description: metadata.Description ?? '',
    KeyManager: 'CUSTOMER',
    KeyState: metadata.KeyState ?? 'Unknown',
    Enabled: metadata.Enabled ?? false,
    KeySpec: metadata.KeySpec ?? 'Unknown',
    KeyUsage: metadata.KeyUsage ?? 'Unknown',
    Origin: metadata.Origin ?? 'Unknown',
    MultiRegion: metadata.MultiRegion ?? false,
    DeletionDate: isoOrNull(metadata.DeletionDate),
    RotationEnabled: rotation ? (rotation.KeyRotationEnabled ?? false) : null,
    RotationPeriodInDays: rotation?.RotationPeriodInDays ?? null,
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
  return describeEach(ctx, KMS_KEY, keys, (key) => keyArn(key, ctx), (key) => describeKey(key, clients, ctx));
}

export const kmsKeyCollector: Collector<typeof KMS_KEY> = {
  resourceType: KMS_KEY,
  scope: 'region',
  permissions: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
  collect: collectKmsKeys,
};
