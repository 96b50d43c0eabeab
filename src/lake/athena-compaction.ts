import { GetTableMetadataCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { DeleteObjectCommand, DeleteObjectsCommand, PutObjectCommand, PutObjectTaggingCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { ProwlError } from '../errors';
import { mapLimit } from '../scan/collection';
import { runAthenaStatement, type AthenaBackendOptions } from '../search/athena-backend';
import { quoteIdentifier, quoteString } from '../search/sql-dialect';
import { compactedMarkerKey, jsonHourPrefix, parquetHourPrefix } from './lake-layout';
import { s3LakeStorage, type LakeStorage, type StoredObject } from './lake-storage';

/**
 * Compaction in AWS: Athena rewrites one closed hour of a JSON table as Parquet with UNLOAD, so the
 * Lambda only lists, deletes, starts and polls — no Parquet writer in the bundle. The steps make a
 * retried or crashed run harmless:
 *   1. the hour's marker is removed (searches go back to the JSON, which is complete),
 *   2. whatever an earlier attempt left under the hour's Parquet prefix is deleted (UNLOAD
 *      refuses a location that holds objects, and leftovers would be read twice),
 *   3. UNLOAD writes the hour's rows, sorted by p_event_time, as zstd Parquet,
 *   4. the JSON files it read are tagged compacted (the bucket's lifecycle may expire them),
 *   5. the marker is written, last, recording which JSON files the Parquet holds.
 * A failure at any step leaves no marker, so the JSON stays what searches read for that hour.
 */

/** The tag the lake bucket's lifecycle rule expires compacted JSON by (infra/buckets.yml). */
export const COMPACTED_TAG = { Key: 'prowl-compacted', Value: 'true' } as const;

/** What the marker records: the JSON files the Parquet was made from, to notice late arrivals. */
const markerSchema = z.object({
  compactedAt: z.string(),
  sources: z.number().int().nonnegative(),
  newestSource: z.string(),
  bytesScanned: z.number().nonnegative().optional(),
});
export type CompactionMarker = z.infer<typeof markerSchema>;

export interface AthenaCompactionOptions {
  s3: S3Client;
  athena: AthenaClient;
  bucket: string;
  workGroup: string;
  database: string;
  /** The JSON tables to compact (snake-case names: aws_cloudtrail). */
  tables: readonly string[];
  now: () => DateTime;
  /** An UNLOAD still running after this long is stopped and the hour fails (tried again next run). */
  queryTimeoutMs?: number;
  /** Athena polling, injectable so tests never wait. */
  clock?: AthenaBackendOptions['clock'];
  firstPollMs?: number;
  /** How many hours are compacted at once; Athena's DML concurrency is shared with searches. */
  concurrency?: number;
  /**
   * The workgroup's bytes-scanned cap. An hour whose JSON is larger fails without running: Athena
   * would cancel the UNLOAD there, after billing what it had read, every time it was tried.
   */
  maxBytes?: number;
}

export interface CompactionRun {
  /** Minutes after an hour ends before it is compacted: late objects of the hour arrive in this time. */
  settleMinutes: number;
  /** How far back closed hours are looked at (new hours, and late files in compacted ones). */
  lookbackHours: number;
  /** Asked before each hour is started; true leaves the rest for the next run (the Lambda is running out of time). */
  outOfTime?: () => boolean;
}

export type HourOutcome =
  | { table: string; hour: string; status: 'compacted'; sources: number; bytesScanned: number }
  | { table: string; hour: string; status: 'current' | 'empty' | 'deferred' }
  /** Files named in the marker are gone (expired): rewriting would lose rows, so the Parquet stays. */
  | { table: string; hour: string; status: 'sources-expired' }
  | { table: string; hour: string; status: 'failed'; error: string };

export interface AthenaCompaction {
  /** Compacts one hour of one table now, even when its marker is up to date (never when its JSON has expired). */
  compactHour(table: string, hour: DateTime): Promise<HourOutcome>;
  /** Compacts every closed hour in the lookback that has JSON and no up-to-date marker. */
  compactClosedHours(run: CompactionRun): Promise<HourOutcome[]>;
}

const DEFAULT_QUERY_TIMEOUT_MS = 5 * 60_000;
const DELETE_BATCH = 1000;

export function createAthenaCompaction(options: AthenaCompactionOptions): AthenaCompaction {
  const { s3, bucket } = options;
  const lake = s3LakeStorage(s3, bucket);
  const columnsOf = new Map<string, Promise<string[]>>();

  /** The JSON table's data columns in order (partition keys are the path, not file columns). */
  function dataColumns(table: string): Promise<string[]> {
    let columns = columnsOf.get(table);
    if (!columns) {
      columns = options.athena
        .send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: options.database, TableName: table, WorkGroup: options.workGroup }))
        .then((output) => {
          const names = (output.TableMetadata?.Columns ?? []).map((column) => column.Name ?? '').filter((name) => name !== '');
          if (names.length === 0) throw new ProwlError('prowl_config_invalid', `compaction: the Glue table ${options.database}.${table} has no columns`);
          return names;
        });
      columns.catch(() => columnsOf.delete(table));
      columnsOf.set(table, columns);
    }
    return columns;
  }

  async function compact(table: string, hour: string, sources: StoredObject[]): Promise<HourOutcome> {
    const marker = compactedMarkerKey(table, hour);
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: marker }));
    const target = parquetHourPrefix(table, hour);
    await deleteUnder(s3, bucket, lake, target);
    const sql = unloadHourSql({ database: options.database, table, hour, columns: await dataColumns(table), location: `s3://${bucket}/${target}` });
    const execution = await runAthenaStatement(
      {
        athena: options.athena,
        workGroup: options.workGroup,
        database: options.database,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.firstPollMs === undefined ? {} : { firstPollMs: options.firstPollMs }),
      },
      sql,
      options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    ).catch((error: unknown) => {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/^search: /, '');
      throw new ProwlError('prowl_internal', `compaction: the UNLOAD of ${table} ${hour} did not finish: ${reason}`, { cause: error });
    });
    await mapLimit(sources, 8, (source) =>
      s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: source.key, Tagging: { TagSet: [{ ...COMPACTED_TAG }] } })),
    );
    const bytesScanned = execution.Statistics?.DataScannedInBytes ?? 0;
    const body: CompactionMarker = { compactedAt: options.now().toUTC().toISO()!, sources: sources.length, newestSource: newest(sources), bytesScanned };
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: marker, Body: JSON.stringify(body), ContentType: 'application/json' }));
    return { table, hour, status: 'compacted', sources: sources.length, bytesScanned };
  }

  async function compactIfNeeded(table: string, hour: string, force: boolean): Promise<HourOutcome> {
    const sources = (await lake.list(jsonHourPrefix(table, hour))).filter((object) => object.key.endsWith('.json.gz'));
    if (sources.length === 0) return { table, hour, status: 'empty' };
    const bytes = sources.reduce((sum, object) => sum + object.size, 0);
    if (options.maxBytes !== undefined && bytes > options.maxBytes) {
      throw new ProwlError(
        'prowl_config_invalid',
        `compaction: ${table} ${hour} holds ${bytes} bytes of JSON, more than the ${options.maxBytes} an Athena query may scan; raise athenaBytesScannedCutoff to compact it`,
      );
    }
    const marker = parseMarker(await lake.readText(compactedMarkerKey(table, hour)));
    if (marker) {
      // Every file the marker counted is still there, unless some expired: rewriting then would drop their rows.
      const kept = sources.filter((object) => object.lastModified <= marker.newestSource).length;
      if (kept < marker.sources) return { table, hour, status: 'sources-expired' };
      if (!force && sources.length === marker.sources && newest(sources) <= marker.newestSource) return { table, hour, status: 'current' };
    }
    return compact(table, hour, sources);
  }

  return {
    compactHour: (table, hour) => compactIfNeeded(table, hourIso(hour), true),

    async compactClosedHours(run) {
      const lastClosed = options.now().toUTC().minus({ minutes: run.settleMinutes }).startOf('hour').minus({ hours: 1 });
      const hours = Array.from({ length: run.lookbackHours }, (_, i) => hourIso(lastClosed.minus({ hours: i })));
      const work = options.tables.flatMap((table) => hours.map((hour) => ({ table, hour })));
      return mapLimit(work, options.concurrency ?? 4, async ({ table, hour }): Promise<HourOutcome> => {
        if (run.outOfTime?.()) return { table, hour, status: 'deferred' };
        try {
          return await compactIfNeeded(table, hour, false);
        } catch (error) {
          // The run goes on with the other hours; the handler fails the invocation at the end (alarm, retry).
          return { table, hour, status: 'failed', error: error instanceof Error ? error.message : String(error) };
        }
      });
    },
  };
}

/**
 * The statement that rewrites one hour: the JSON table's columns (partition keys excluded: the
 * Parquet table gets them from the path), the hour's partition only, sorted by event time, to the
 * hour's Parquet prefix. Names come from the Glue catalog and are quoted; no user text is involved.
 */
export function unloadHourSql(input: { database: string; table: string; hour: string; columns: readonly string[]; location: string }): string {
  const [year, month, day, hourOfDay] = [input.hour.slice(0, 4), input.hour.slice(5, 7), input.hour.slice(8, 10), input.hour.slice(11, 13)].map(Number);
  const select = input.columns.map(quoteIdentifier).join(', ');
  const from = `${quoteIdentifier(input.database)}.${quoteIdentifier(input.table)}`;
  const where = `"year" = ${year} AND "month" = ${month} AND "day" = ${day} AND "hour" = ${hourOfDay}`;
  return `UNLOAD (SELECT ${select} FROM ${from} WHERE ${where} ORDER BY "p_event_time") TO ${quoteString(input.location)} WITH (format = 'PARQUET', compression = 'ZSTD')`;
}

function hourIso(hour: DateTime): string {
  return hour.toUTC().startOf('hour').toISO({ suppressMilliseconds: false })!;
}

function newest(objects: readonly StoredObject[]): string {
  return objects.reduce((latest, object) => (object.lastModified > latest ? object.lastModified : latest), '');
}

async function deleteUnder(s3: S3Client, bucket: string, lake: LakeStorage, prefix: string): Promise<void> {
  const keys = (await lake.list(prefix)).map((object) => object.key);
  for (let i = 0; i < keys.length; i += DELETE_BATCH) {
    const batch = keys.slice(i, i + DELETE_BATCH);
    const result = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    const failed = result.Errors ?? [];
    if (failed.length > 0) {
      throw new ProwlError('prowl_internal', `compaction: could not delete ${failed.length} object(s) under ${prefix}: ${failed[0]?.Key} (${failed[0]?.Code})`);
    }
  }
}

/** The marker's record; an unreadable one says nothing about what the Parquet holds, so the hour is compacted again. */
function parseMarker(text: string | undefined): CompactionMarker | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = markerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
