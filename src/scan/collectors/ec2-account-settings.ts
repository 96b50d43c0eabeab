import {
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  GetImageBlockPublicAccessStateCommand,
  GetSnapshotBlockPublicAccessStateCommand,
} from '@aws-sdk/client-ec2';
import { describeEach, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { EC2_ACCOUNT_SETTINGS, type Ec2AccountSettings } from '../resources/ec2-account-settings';

/** Meta resources are named as Panther names its own: account, region and type. */
export function metaResourceId(ctx: Pick<CollectContext, 'accountId' | 'region'>, resourceType: string): string {
  return `${ctx.accountId}::${ctx.region}::${resourceType}`;
}

/** EC2's account-wide switches in one region: EBS encryption by default and public sharing blocks for snapshots and images. */
export async function collectEc2AccountSettings(clients: Pick<ScanClients, 'ec2'>, ctx: CollectContext): Promise<CollectionResult<Ec2AccountSettings>> {
  let settings: unknown;
  try {
    const [encryption, key, snapshots, images] = await Promise.all([
      send(ctx, 'GetEbsEncryptionByDefault', () => clients.ec2.send(new GetEbsEncryptionByDefaultCommand({}))),
      send(ctx, 'GetEbsDefaultKmsKeyId', () => clients.ec2.send(new GetEbsDefaultKmsKeyIdCommand({}))),
      send(ctx, 'GetSnapshotBlockPublicAccessState', () => clients.ec2.send(new GetSnapshotBlockPublicAccessStateCommand({}))),
      send(ctx, 'GetImageBlockPublicAccessState', () => clients.ec2.send(new GetImageBlockPublicAccessStateCommand({}))),
    ]);
    settings = {
      ResourceType: EC2_ACCOUNT_SETTINGS,
      ResourceId: metaResourceId(ctx, EC2_ACCOUNT_SETTINGS),
      AccountId: ctx.accountId,
      Region: ctx.region,
      EbsEncryptionByDefault: encryption?.EbsEncryptionByDefault ?? null,
      EbsDefaultKmsKeyId: key?.KmsKeyId ?? null,
      SnapshotBlockPublicAccessState: snapshots?.State ?? null,
      ImageBlockPublicAccessState: images?.ImageBlockPublicAccessState ?? null,
    };
  } catch (error) {
    return listingFailed(ctx, EC2_ACCOUNT_SETTINGS, error);
  }
  return describeEach(
    ctx,
    EC2_ACCOUNT_SETTINGS,
    [settings],
    () => metaResourceId(ctx, EC2_ACCOUNT_SETTINGS),
    async (resource) => resource,
  );
}

export const ec2AccountSettingsCollector: Collector<typeof EC2_ACCOUNT_SETTINGS> = {
  resourceType: EC2_ACCOUNT_SETTINGS,
  scope: 'region',
  permissions: ['ec2:GetEbsEncryptionByDefault', 'ec2:GetEbsDefaultKmsKeyId', 'ec2:GetSnapshotBlockPublicAccessState', 'ec2:GetImageBlockPublicAccessState'],
  collect: collectEc2AccountSettings,
};
