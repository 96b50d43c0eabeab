import { GetDetectorCommand, GetMasterAccountCommand, paginateListDetectors, type GuardDutyClient } from '@aws-sdk/client-guardduty';
import { DateTime } from 'luxon';
import { isAbsent } from '../aws-errors';
import { AwsCallFailure, describeEach, listAll, listingFailed, send, type CollectContext, type CollectionResult } from '../collection';
import type { Collector, ScanClients } from '../collector';
import { plain, plainOrNull } from '../resources/base';
import { GUARDDUTY_DETECTOR, GUARDDUTY_META, type GuardDutyDetector, type GuardDutyMeta } from '../resources/account-meta';
import { metaResourceId } from './ec2-account-settings';

function detectorArn(id: string, ctx: CollectContext): string {
  return `arn:${ctx.partition}:guardduty:${ctx.region}:${ctx.accountId}:detector/${id}`;
}

/** GuardDuty writes its dates as strings; anything that is not an ISO timestamp reads as absent. */
function isoStringOrNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed.toISO() : null;
}

/** The region's detector ids (a region has at most one; none means GuardDuty is off there). */
async function listDetectorIds(client: GuardDutyClient, ctx: CollectContext): Promise<string[]> {
  const pages = await listAll(ctx, 'ListDetectors', paginateListDetectors, client, {}, (page) => page.NextToken);
  return pages.flatMap((page) => page.DetectorIds ?? []);
}

/** Every detector of the region with its settings (GetDetector) and the administrator account it reports to. */
export async function collectGuardDutyDetectors(clients: Pick<ScanClients, 'guardduty'>, ctx: CollectContext): Promise<CollectionResult<GuardDutyDetector>> {
  let ids: string[];
  try {
    ids = await listDetectorIds(clients.guardduty, ctx);
  } catch (error) {
    return listingFailed(ctx, GUARDDUTY_DETECTOR, error);
  }
  return describeEach(
    ctx,
    GUARDDUTY_DETECTOR,
    ids,
    (id) => detectorArn(id, ctx),
    async (DetectorId) => {
      try {
        const [detector, master] = await Promise.all([
          send(ctx, 'GetDetector', () => clients.guardduty.send(new GetDetectorCommand({ DetectorId }))),
          send(ctx, 'GetMasterAccount', () => clients.guardduty.send(new GetMasterAccountCommand({ DetectorId }))),
        ]);
        const arn = detectorArn(DetectorId, ctx);
        const { Tags, CreatedAt, UpdatedAt, ...fields } = detector ?? {};
        return {
          ...(plain(fields) as object),
          ResourceType: GUARDDUTY_DETECTOR,
          ResourceId: arn,
          AccountId: ctx.accountId,
          Region: ctx.region,
          Arn: arn,
          Id: DetectorId,
          Name: null,
          Tags: Tags && Object.keys(Tags).length > 0 ? Tags : null,
          TimeCreated: isoStringOrNull(CreatedAt),
          UpdatedAt: isoStringOrNull(UpdatedAt),
          Master: plainOrNull(master?.Master),
        };
      } catch (error) {
        // Deleted between the listing and the describe: it is simply gone.
        if (error instanceof AwsCallFailure && isAbsent(error.cause, ['ResourceNotFoundException', 'BadRequestException'])) return undefined;
        throw error;
      }
    },
  );
}

/** Panther's per-region meta resource: which detectors exist, so "GuardDuty is off here" has something to fail on. */
export async function collectGuardDutyMeta(clients: Pick<ScanClients, 'guardduty'>, ctx: CollectContext): Promise<CollectionResult<GuardDutyMeta>> {
  let meta: unknown;
  try {
    const ids = await listDetectorIds(clients.guardduty, ctx);
    meta = { ResourceType: GUARDDUTY_META, ResourceId: metaResourceId(ctx, GUARDDUTY_META), AccountId: ctx.accountId, Region: ctx.region, Detectors: ids };
  } catch (error) {
    return listingFailed(ctx, GUARDDUTY_META, error);
  }
  return describeEach(
    ctx,
    GUARDDUTY_META,
    [meta],
    () => metaResourceId(ctx, GUARDDUTY_META),
    async (resource) => resource,
  );
}

export const guardDutyDetectorCollector: Collector<typeof GUARDDUTY_DETECTOR> = {
  resourceType: GUARDDUTY_DETECTOR,
  scope: 'region',
  permissions: ['guardduty:ListDetectors', 'guardduty:GetDetector', 'guardduty:GetMasterAccount'],
  collect: collectGuardDutyDetectors,
};

export const guardDutyMetaCollector: Collector<typeof GUARDDUTY_META> = {
  resourceType: GUARDDUTY_META,
  scope: 'region',
  permissions: ['guardduty:ListDetectors'],
  collect: collectGuardDutyMeta,
};
