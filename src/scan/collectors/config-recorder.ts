import { DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, type ConfigurationRecorder } from '@aws-sdk/client-config-service';
import { describeEach, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { pascalKeys } from '../resources/base';
import { CONFIG_META, CONFIG_RECORDER, type ConfigMeta, type ConfigRecorder } from '../resources/account-meta';
import { metaResourceId } from './ec2-account-settings';

type NamedRecorder = ConfigurationRecorder & { name: string };

/** Recorders have no ARN in Panther's model; their id names account, region, type and recorder. */
export function recorderId(ctx: Pick<CollectContext, 'accountId' | 'region'>, name: string): string {
  return `${ctx.accountId}:${ctx.region}:${CONFIG_RECORDER}:${name}`;
}

/** The region's recorders (a region has at most one, usually "default"). */
async function describeRecorders(clients: Pick<ScanClients, 'config'>, ctx: CollectContext): Promise<NamedRecorder[]> {
  const answer = await send(ctx, 'DescribeConfigurationRecorders', () => clients.config.send(new DescribeConfigurationRecordersCommand({})));
  return (answer?.ConfigurationRecorders ?? []).filter((recorder): recorder is NamedRecorder => typeof recorder.name === 'string');
}

/** Every recorder of the region, what it records (RecordingGroup) and whether it is recording (Status). */
export async function collectConfigRecorders(clients: Pick<ScanClients, 'config'>, ctx: CollectContext): Promise<CollectionResult<ConfigRecorder>> {
  let recorders: NamedRecorder[];
  try {
    recorders = await describeRecorders(clients, ctx);
  } catch (error) {
    return listingFailed(ctx, CONFIG_RECORDER, error);
  }
  return describeEach(
    ctx,
    CONFIG_RECORDER,
    recorders,
    (recorder) => recorderId(ctx, recorder.name),
    async (recorder) => {
      const statuses = await send(ctx, 'DescribeConfigurationRecorderStatus', () =>
        clients.config.send(new DescribeConfigurationRecorderStatusCommand({ ConfigurationRecorderNames: [recorder.name] })),
      );
      const status = (statuses?.ConfigurationRecordersStatus ?? []).find((candidate) => candidate.name === recorder.name);
      return {
        ...(pascalKeys(recorder) as object),
        ResourceType: CONFIG_RECORDER,
        ResourceId: recorderId(ctx, recorder.name),
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: recorder.arn ?? null,
        Name: recorder.name,
        Tags: null,
        TimeCreated: null,
        Status: status ? pascalKeys(status) : null,
      };
    },
  );
}

/**
 * Panther's per-region meta resource: the region's recorders and how many of them record global
 * resource types (IAM), so a region with no recorder at all still has something to fail.
 */
export async function collectConfigMeta(clients: Pick<ScanClients, 'config'>, ctx: CollectContext): Promise<CollectionResult<ConfigMeta>> {
  let meta: unknown;
  try {
    const recorders = await describeRecorders(clients, ctx);
    meta = {
      ResourceType: CONFIG_META,
      ResourceId: metaResourceId(ctx, CONFIG_META),
      AccountId: ctx.accountId,
      Region: ctx.region,
      Recorders: recorders.map((recorder) => recorderId(ctx, recorder.name)),
      GlobalRecorderCount: recorders.filter((recorder) => recorder.recordingGroup?.includeGlobalResourceTypes === true).length,
    };
  } catch (error) {
    return listingFailed(ctx, CONFIG_META, error);
  }
  return describeEach(
    ctx,
    CONFIG_META,
    [meta],
    () => metaResourceId(ctx, CONFIG_META),
    async (resource) => resource,
  );
}

export const configRecorderCollector: Collector<typeof CONFIG_RECORDER> = {
  resourceType: CONFIG_RECORDER,
  scope: 'region',
  permissions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
  collect: collectConfigRecorders,
};

export const configMetaCollector: Collector<typeof CONFIG_META> = {
  resourceType: CONFIG_META,
  scope: 'region',
  permissions: ['config:DescribeConfigurationRecorders'],
  collect: collectConfigMeta,
};
