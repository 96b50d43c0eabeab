import { DateTime } from 'luxon';
import { paginateDescribeLogGroups, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { describeEach, listAll, listingFailed, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain } from '../resources/base';
import { CLOUDWATCH_LOG_GROUP, type CloudWatchLogGroup } from '../resources/cloudwatch-log-group';

type NamedGroup = LogGroup & { logGroupName: string };

function groupArn(group: NamedGroup, ctx: CollectContext): string {
  // DescribeLogGroups' `arn` ends in ":*"; logGroupArn (newer) does not.
  return group.logGroupArn ?? group.arn?.replace(/:\*$/, '') ?? `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:${group.logGroupName}`;
}

/** Every log group, with Panther's field names (the API's lower-case names capitalized). */
export async function collectCloudWatchLogGroups(clients: Pick<ScanClients, 'logs'>, ctx: CollectContext): Promise<CollectionResult<CloudWatchLogGroup>> {
  let groups: NamedGroup[];
  try {
    const pages = await listAll(ctx, 'DescribeLogGroups', paginateDescribeLogGroups, clients.logs, {}, (page) => page.nextToken);
    groups = pages.flatMap((page) => page.logGroups ?? []).filter((group): group is NamedGroup => typeof group.logGroupName === 'string');
  } catch (error) {
    return listingFailed(ctx, CLOUDWATCH_LOG_GROUP, error);
  }
  return describeEach(
    ctx,
    CLOUDWATCH_LOG_GROUP,
    groups,
    (group) => groupArn(group, ctx),
    async (group) => {
      const arn = groupArn(group, ctx);
      return {
        ...(plain(group) as object),
        ResourceType: CLOUDWATCH_LOG_GROUP,
        ResourceId: arn,
        AccountId: ctx.accountId,
        Region: ctx.region,
        Arn: arn,
        Name: group.logGroupName,
        Tags: null,
        TimeCreated: group.creationTime === undefined ? null : DateTime.fromMillis(group.creationTime, { zone: 'utc' }).toISO(),
        KmsKeyId: group.kmsKeyId ?? null,
        MetricFilterCount: group.metricFilterCount ?? null,
        RetentionInDays: group.retentionInDays ?? null,
        StoredBytes: group.storedBytes ?? null,
      };
    },
  );
}

export const cloudWatchLogGroupCollector: Collector<typeof CLOUDWATCH_LOG_GROUP> = {
  resourceType: CLOUDWATCH_LOG_GROUP,
  scope: 'region',
  permissions: ['logs:DescribeLogGroups'],
  collect: collectCloudWatchLogGroups,
};
