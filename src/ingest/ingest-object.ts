import { createHash } from 'node:crypto';
import { GetObjectCommand, NoSuchKey, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import type { DateTime } from 'luxon';
import type { AlertStore } from '../alerts/alert-store';
import { alertWriteFailingGroup, MatchGroups } from '../alerts/match-groups';
import type { NotifyQueue } from '../alerts/notify-queue';
import { recordMatchGroups, type GroupFailure } from '../alerts/record-matches';
import type { SettingsStore } from '../alerts/settings-store';
import { recordSuppressed, SuppressedMatches } from '../alerts/suppress-matches';
import type { ConfigFile } from '../config';
import { ProwlError } from '../errors';
import { LakeWriter, type LakeFile } from '../lake/lake-writer';
import { QuarantineWriter } from '../lake/quarantine';
import { parseObject, type ParsedRecord } from '../logs/parse';
import { decompressed } from '../logs/read-object';
import type { LogTypeRegistry } from '../logs/registry';
import { resolveSource, type ResolvedSource } from '../logs/sources';
import { ChangedResources } from '../scan/resource-changes';
import type { RescanRequests } from '../scan/rescan-requests';
import type { DetectionSetup } from './detection-setup';
import type { ObjectRef } from './s3-notification';

/** How long an update to an alert already in Slack waits, so matches arriving together make one edit. */
export const UPDATE_DEBOUNCE_SECONDS = 5;

export interface IngestDeps {
  s3: S3Client;
  config: Pick<ConfigFile, 'sources' | 'options'>;
  buckets: { raw: string; lake: string };
  /** The rules and suppressions in force, re-read when someone changes them from Slack. */
  detection: DetectionSetup;
  settings: SettingsStore;
  alerts: AlertStore;
  notify: NotifyQueue;
  now: () => DateTime;
  /** The log types sources may name: the built-in ones when omitted; pass one with the configuration's custom types. */
  logTypes?: LogTypeRegistry;
  /** Re-scans of resources the CloudTrail events change (near-real-time policy alerts); off when omitted. */
  rescans?: RescanRequests;
}

export interface IngestSummary {
  bucket: string;
  key: string;
  events: number;
  eventsByLogType: Record<string, number>;
  quarantined: number;
  quarantineKey?: string;
  /** Lake files written for the object (keys under logs/). */
  lakeFiles: string[];
  matches: number;
  /** Matches silenced by a suppression: counted on it, not alerted. */
  suppressed: number;
  ruleErrors: number;
  alertIds: string[];
}

async function openObject(s3: S3Client, ref: ObjectRef): Promise<AsyncIterable<Uint8Array>> {
  try {
    const result = await s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
    return result.Body as AsyncIterable<Uint8Array>;
  } catch (error) {
    const reason = error instanceof NoSuchKey ? 'it does not exist' : error instanceof S3ServiceException ? `${error.name}: ${error.message}` : String(error);
    throw new ProwlError('prowl_object_unreadable', `cannot read s3://${ref.bucket}/${ref.key}: ${reason}`, { cause: error });
  }
}

/** Tells a failure to read the object (retry it) from a failure of Prowl's own writes. */
async function* readFailuresMarked(records: AsyncIterable<ParsedRecord>, ref: ObjectRef): AsyncGenerator<ParsedRecord> {
  try {
    yield* records;
  } catch (error) {
    // A stream that breaks mid-way (corrupt gzip, reset connection) fails the object as a whole, to be retried.
    throw new ProwlError('prowl_object_unreadable', `s3://${ref.bucket}/${ref.key} broke off while reading: ${(error as Error).message}`, { cause: error });
  }
}

function groupsFailed(failures: GroupFailure[], objectId: string): ProwlError {
  const reasons = failures.map(
    (failure) => `${failure.ruleId} (${failure.dedup}): ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`,
  );
  return new ProwlError('prowl_internal', `${failures.length} alert(s) from ${objectId} could not be written, the others were sent: ${reasons.join('; ')}`, {
    cause: failures[0]!.error,
  });
}

/** A record that arrived in the queue message itself (EventBridge) rather than as an S3 object. */
export interface Delivered {
  body: Buffer;
  source: ResolvedSource;
}

async function* only(body: Buffer): AsyncGenerator<Uint8Array> {
  yield body;
}

/**
 * One pass over one log object (or one delivered record): parse and normalize every record, write it to the lake and run
 * the detections on it, quarantine what no log type accepts, then record matches as alerts and
 * queue the ones to show. Everything it writes is keyed by the object, so a retry repeats rather
 * than duplicates.
 */
export async function ingestObject(ref: ObjectRef, deps: IngestDeps, delivered?: Delivered): Promise<IngestSummary> {
  const now = deps.now();
  const objectId = `${ref.bucket}/${ref.key}@${ref.version}`;
  const summary: IngestSummary = {
    bucket: ref.bucket,
    key: ref.key,
    events: 0,
    eventsByLogType: {},
    quarantined: 0,
    lakeFiles: [],
    matches: 0,
    suppressed: 0,
    ruleErrors: 0,
    alertIds: [],
  };
  const quarantine = new QuarantineWriter(deps.s3, deps.buckets.lake, objectId, now);
  const groups = new MatchGroups(deps.config.options.sampleEventsPerAlert);
  const { engine, suppressions } = await deps.detection.current();
  const silenced = new SuppressedMatches(suppressions);
  const changed = new ChangedResources();

  const source = delivered?.source ?? resolveSource(deps.config.sources, deps.buckets.raw, ref.bucket, ref.key, deps.logTypes);
  if (!source) {
    await quarantine.add({
      bucket: ref.bucket,
      key: ref.key,
      position: 0,
      reason: 'no configured source covers this bucket and key; add one under `sources` in prowl.config.yml',
      raw: '',
    });
  } else {
    const body = delivered ? only(delivered.body) : await openObject(deps.s3, ref);
    const records = parseObject(decompressed(body), {
      logTypes: source.logTypes,
      origin: { sourceId: source.id, sourceLabel: source.label, objectId },
      parseTime: now.toUTC().toISO()!,
    });
    const lake = new LakeWriter({ s3: deps.s3, bucket: deps.buckets.lake, objectId });
    let files: LakeFile[];
    try {
      for await (const record of readFailuresMarked(records, ref)) {
        if (record.kind === 'quarantined') {
          await quarantine.add({ bucket: ref.bucket, key: ref.key, position: record.position, reason: record.reason, raw: record.raw });
          continue;
        }
        summary.events += 1;
        summary.eventsByLogType[record.logType.name] = (summary.eventsByLogType[record.logType.name] ?? 0) + 1;
        await lake.write(record.event);
        if (deps.rescans && record.logType.name === 'AWS.CloudTrail') changed.add(record.event);
        if (!record.logType.detect) continue;
        const { matches, failures } = engine.evaluate(record.event);
        for (const match of matches) {
          if (silenced.silenced(match)) summary.suppressed += 1;
          else groups.addMatch(match);
        }
        failures.forEach((failure) => groups.addFailure(failure));
        summary.matches += matches.length;
        summary.ruleErrors += failures.length;
      }
      files = await lake.close();
    } catch (error) {
      await Promise.all([lake.abort(), quarantine.abort()]);
      throw error;
    }
    summary.lakeFiles = files.map((file) => file.key);
  }

  summary.quarantined = quarantine.count;
  const quarantineKey = await quarantine.close();
  if (quarantineKey) summary.quarantineKey = quarantineKey;

  const batchId = createHash('sha256').update(objectId).digest('hex').slice(0, 24);
  await recordSuppressed(deps.settings, silenced.tallies, batchId, now);
  const { notify: toNotify, failures } = await recordMatchGroups(deps.alerts, groups.list(), {
    batchId,
    now,
    sampleLimit: deps.config.options.sampleEventsPerAlert,
  });
  summary.alertIds = toNotify.map((alert) => alert.id);
  // New alerts are posted at once; updates to posted ones wait a moment so a burst becomes one edit.
  await deps.notify.send(toNotify.filter((alert) => !alert.slack?.ts).map((alert) => alert.id));
  await deps.notify.send(
    toNotify.filter((alert) => alert.slack?.ts).map((alert) => alert.id),
    { delaySeconds: UPDATE_DEBOUNCE_SECONDS },
  );
  await deps.rescans?.request(changed.list());
  // The alerts that were written are on their way; the ops channel hears about the others, and only
  // now does the object fail, to retry them (a retry re-applies nothing twice: each alert remembers this batch).
  if (failures.length > 0) {
    const failed = groupsFailed(failures, objectId);
    const at = now.toUTC().toISO()!;
    const ops = failures.map((failure) => alertWriteFailingGroup(failure.ruleId, failed.message, at));
    const told = await recordMatchGroups(deps.alerts, ops, { batchId: `alert-write-failing:${batchId}`, now, sampleLimit: 0 });
    await deps.notify.send(told.notify.map((alert) => alert.id));
    throw failed;
  }
  return summary;
}
