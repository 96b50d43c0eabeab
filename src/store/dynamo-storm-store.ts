import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DateTime } from 'luxon';
import { stormGroupIdFor, stormWindowIdFor, type StormGroup, type StormStore, type StormWindow } from '../alerts/storm';
import { VersionedTable } from './versioned-table';

/** Storm items outlive their window by a day, for late clicks on the grouped message; TTL removes them after. */
const KEEP_AFTER_WINDOW_SECONDS = 24 * 3600;

function strings(value: unknown): string[] {
  if (value instanceof Set) return [...value].filter((v): v is string => typeof v === 'string');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function top(value: unknown): Array<[string, number]> {
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : [];
    return Array.isArray(parsed) ? parsed.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
  } catch {
    return [];
  }
}

function decode(item: Record<string, unknown>): StormGroup {
  return {
    ...(item as unknown as StormGroup),
    alertIds: strings(item['alertIds']),
    threaded: strings(item['threaded']),
    timeline: strings(item['timeline']),
    topActors: top(item['topActors']),
    topAccounts: top(item['topAccounts']),
  };
}

/**
 * Storm windows and groups in the alerts table, beside alerts and dedup windows (they carry neither
 * `status` nor `ruleId`, so the sparse indexes never list them). A group's alert ids are a string
 * set added to with ADD: two workers joining at once both count, a retried join counts once.
 * Everything else is a conditional update of the attributes it changes, so a join never has to
 * wait for a claim or the other way round.
 */
export function createDynamoStormStore(options: { ddb: DynamoDBDocumentClient; table: string }): StormStore {
  const windows = new VersionedTable<StormWindow>(options.ddb, options.table, (id) => ({ id }));

  async function update(input: Omit<UpdateCommandInput, 'TableName'>): Promise<StormGroup | undefined> {
    try {
      const result = await options.ddb.send(new UpdateCommand({ TableName: options.table, ReturnValues: 'ALL_NEW', ...input }));
      return result.Attributes ? decode(result.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async function openWindow(ruleId: string, channel: string, minutes: number, now: DateTime): Promise<StormWindow> {
    const at = now.toUTC();
    const iso = at.toISO()!;
    const id = stormWindowIdFor(ruleId, channel);
    const { after } = await windows.mutate(id, (current) =>
      current && current.end > iso
        ? current
        : {
            id,
            groupId: stormGroupIdFor(ruleId, channel, iso),
            start: iso,
            end: at.plus({ minutes }).toISO()!,
            version: current?.version ?? 0,
            expiresAt: Math.floor(at.plus({ minutes }).toSeconds()) + KEEP_AFTER_WINDOW_SECONDS,
          },
    );
    return after!;
  }

  return {
    async join(join, now) {
      const window = await openWindow(join.ruleId, join.channel, join.settings.windowMinutes, now);
      const group = await update({
        Key: { id: window.groupId },
        UpdateExpression:
          'SET #rule = if_not_exists(#rule, :rule), title = if_not_exists(title, :title), severity = if_not_exists(severity, :severity), ' +
          'channel = if_not_exists(channel, :channel), windowStart = if_not_exists(windowStart, :start), windowEnd = if_not_exists(windowEnd, :end), ' +
          '#threshold = if_not_exists(#threshold, :threshold), windowMinutes = if_not_exists(windowMinutes, :minutes), ' +
          'threaded = if_not_exists(threaded, :none), topActors = if_not_exists(topActors, :noTop), topAccounts = if_not_exists(topAccounts, :noTop), ' +
          'expiresAt = if_not_exists(expiresAt, :expiresAt) ADD alertIds :ids',
        ExpressionAttributeNames: { '#rule': 'rule', '#threshold': 'threshold' },
        ExpressionAttributeValues: {
          ':rule': join.ruleId,
          ':title': join.title,
          ':severity': join.severity,
          ':channel': join.channel,
          ':start': window.start,
          ':end': window.end,
          ':threshold': join.settings.threshold,
          ':minutes': join.settings.windowMinutes,
          ':none': [],
          ':noTop': '[]',
          ':expiresAt': window.expiresAt ?? 0,
          ':ids': new Set([join.alertId]),
        },
      });
      return group!;
    },

    async get(id) {
      const result = await options.ddb.send(new GetCommand({ TableName: options.table, Key: { id }, ConsistentRead: true }));
      return result.Item && 'alertIds' in result.Item ? decode(result.Item) : undefined;
    },

    claimPost: (id, claimedAt, staleBefore) =>
      update({
        Key: { id },
        UpdateExpression: 'SET #slack = :claim',
        ConditionExpression:
          'attribute_exists(alertIds) AND (attribute_not_exists(#slack) OR (attribute_not_exists(#slack.#ts) AND #slack.claimedAt < :stale))',
        ExpressionAttributeNames: { '#slack': 'slack', '#ts': 'ts' },
        ExpressionAttributeValues: { ':claim': { claimedAt }, ':stale': staleBefore },
      }),

    async recordPost(id, claimedAt, ref, renderedHash, at) {
      await update({
        Key: { id },
        UpdateExpression: 'SET #slack.#ts = :ts, #slack.#channel = :channel, #slack.renderedHash = :hash, #slack.updatedAt = :at',
        ConditionExpression: '#slack.claimedAt = :claimedAt',
        ExpressionAttributeNames: { '#slack': 'slack', '#ts': 'ts', '#channel': 'channel' },
        ExpressionAttributeValues: { ':ts': ref.ts, ':channel': ref.channel, ':hash': renderedHash, ':at': at, ':claimedAt': claimedAt },
      });
    },

    async releasePost(id, claimedAt) {
      await update({
        Key: { id },
        UpdateExpression: 'REMOVE #slack',
        ConditionExpression: '#slack.claimedAt = :claimedAt AND attribute_not_exists(#slack.#ts)',
        ExpressionAttributeNames: { '#slack': 'slack', '#ts': 'ts' },
        ExpressionAttributeValues: { ':claimedAt': claimedAt },
      });
    },

    claimThreading: (id, ids, claimedAt, staleBefore) =>
      update({
        Key: { id },
        UpdateExpression: 'SET threading = :claim',
        ConditionExpression: 'attribute_not_exists(threading) OR threading.claimedAt < :stale',
        ExpressionAttributeValues: { ':claim': { claimedAt, ids: [...ids] }, ':stale': staleBefore },
      }),

    finishThreading: (id, claimedAt, ids, listed) =>
      update({
        Key: { id },
        UpdateExpression: 'SET threaded = list_append(threaded, :ids), topActors = :actors, topAccounts = :accounts REMOVE threading',
        ConditionExpression: 'threading.claimedAt = :claimedAt',
        ExpressionAttributeValues: {
          ':ids': [...ids],
          ':actors': JSON.stringify(listed.topActors),
          ':accounts': JSON.stringify(listed.topAccounts),
          ':claimedAt': claimedAt,
        },
      }),

    async releaseThreading(id, claimedAt) {
      await update({
        Key: { id },
        UpdateExpression: 'REMOVE threading',
        ConditionExpression: 'threading.claimedAt = :claimedAt',
        ExpressionAttributeValues: { ':claimedAt': claimedAt },
      });
    },

    async recordRender(id, renderedHash, at) {
      await update({
        Key: { id },
        UpdateExpression: 'SET #slack.renderedHash = :hash, #slack.updatedAt = :at',
        ConditionExpression: 'attribute_exists(#slack.#ts)',
        ExpressionAttributeNames: { '#slack': 'slack', '#ts': 'ts' },
        ExpressionAttributeValues: { ':hash': renderedHash, ':at': at },
      });
    },

    async recordBulk(id, bulk) {
      await update({
        Key: { id },
        UpdateExpression: 'SET #bulk = if_not_exists(#bulk, :empty)',
        ConditionExpression: 'attribute_exists(alertIds)',
        ExpressionAttributeNames: { '#bulk': 'bulk' },
        ExpressionAttributeValues: { ':empty': {} },
      });
      const fields = Object.entries(bulk).filter(([, value]) => value !== undefined);
      if (fields.length === 0) return this.get(id);
      return update({
        Key: { id },
        UpdateExpression: `SET ${fields.map((_, i) => `#bulk.#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#bulk': 'bulk', ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])) },
        ExpressionAttributeValues: Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
      });
    },

    async claimTimeline(id, entryId) {
      const claimed = await update({
        Key: { id },
        UpdateExpression: 'ADD #timeline :id',
        ConditionExpression: 'attribute_exists(alertIds) AND NOT contains(#timeline, :entry)',
        ExpressionAttributeNames: { '#timeline': 'timeline' },
        ExpressionAttributeValues: { ':id': new Set([entryId]), ':entry': entryId },
      });
      return claimed !== undefined;
    },
  };
}
