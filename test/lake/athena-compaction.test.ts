import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetTableMetadataCommand,
  StartQueryExecutionCommand,
  type StartQueryExecutionCommandInput,
} from '@aws-sdk/client-athena';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { COMPACTED_TAG, createAthenaCompaction, type AthenaCompaction } from '../../src/lake/athena-compaction';
import { compactedMarkerKey } from '../../src/lake/lake-layout';
import { emptyBucket, keysIn } from './lake-bucket';

/**
 * The scheduled compaction against the S3 emulator, with Athena mocked: the mock plays Athena's
 * part of an UNLOAD by writing a Parquet object under the statement's TO location.
 */

const athena = mockClient(AthenaClient);
const HOUR = '2026-11-22T10:00:00.000Z';
const JSON_PREFIX = 'logs/aws_cloudtrail/year=2026/month=11/day=22/hour=10/';
const PARQUET_PREFIX = 'parquet/aws_cloudtrail/year=2026/month=11/day=22/hour=10/';
const MARKER = compactedMarkerKey('aws_cloudtrail', HOUR);

let s3: S3Client;
let bucket: string;
/** Every S3 request, in order: `Command key`. */
let s3Calls: string[];
let tagged: string[];
let now: DateTime;
let compaction: AthenaCompaction;

const fakeClock = { now: (): number => 0, sleep: async (): Promise<void> => undefined };

/** The emulator has no object tagging; record the requests instead of letting them reach it. */
function recordS3Calls(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: string };
      s3Calls.push(`${(context.commandName ?? '').replace(/Command$/, '')} ${input.Key ?? ''}`.trim());
      if (context.commandName === 'PutObjectTaggingCommand') {
        tagged.push(input.Key!);
        return { output: { $metadata: {} }, response: {} } as never;
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordS3Calls' },
  );
}

/** Athena's side of an UNLOAD: it refuses a non-empty location, then writes the files there. */
function unloadWrites(files: string[]): void {
  let query = 0;
  athena.on(StartQueryExecutionCommand).callsFake(async (input: StartQueryExecutionCommandInput) => {
    const location = /TO 's3:\/\/[^/]+\/([^']+)'/.exec(input.QueryString ?? '')?.[1];
    if (!location) throw new Error(`not an UNLOAD: ${input.QueryString}`);
    if ((await keysIn(s3, bucket, location)).length > 0) throw new Error('HIVE_PATH_ALREADY_EXISTS');
    for (const file of files) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${location}${file}`, Body: 'PAR1' }));
    return { QueryExecutionId: `q-${++query}` };
  });
}

async function putJson(key: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${JSON_PREFIX}${key}`, Body: 'gzip' }));
}

async function markerBody(): Promise<Record<string, unknown>> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: MARKER }));
  return JSON.parse(await object.Body!.transformToString()) as Record<string, unknown>;
}

beforeEach(async () => {
  ({ s3, bucket } = await emptyBucket());
  s3Calls = [];
  tagged = [];
  recordS3Calls(s3);
  athena.reset();
  athena.on(GetTableMetadataCommand).resolves({
    TableMetadata: {
      Name: 'aws_cloudtrail',
      Columns: [
        { Name: 'eventname', Type: 'string' },
        { Name: 'p_event_time', Type: 'timestamp' },
        { Name: 'p_any_ip_addresses', Type: 'array<string>' },
      ],
      PartitionKeys: [{ Name: 'year' }, { Name: 'month' }, { Name: 'day' }, { Name: 'hour' }],
    },
  });
  athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 4096 } } });
  now = DateTime.fromISO('2026-11-22T11:30:00Z', { zone: 'utc' });
  compaction = createAthenaCompaction({
    s3,
    athena: new AthenaClient({ region: 'us-east-1' }),
    bucket,
    workGroup: 'prowl-ci',
    database: 'prowl_ci',
    tables: ['aws_cloudtrail'],
    now: () => now,
    clock: fakeClock,
  });
  await putJson('a.json.gz');
  await putJson('b.json.gz');
});

describe('compacting one hour with Athena', () => {
  it("unloads the hour's partition, sorted by event time, as zstd Parquet under the hour's Parquet prefix", async () => {
    unloadWrites(['q-1_00000']);
    const outcome = await compaction.compactHour('aws_cloudtrail', DateTime.fromISO(HOUR, { zone: 'utc' }));

    expect(outcome).toEqual({ table: 'aws_cloudtrail', hour: HOUR, status: 'compacted', sources: 2, bytesScanned: 4096 });
    const [start] = athena.commandCalls(StartQueryExecutionCommand);
    expect(start!.args[0].input).toMatchObject({ WorkGroup: 'prowl-ci', QueryExecutionContext: { Database: 'prowl_ci' } });
    expect(start!.args[0].input.QueryString).toBe(
      `UNLOAD (SELECT "eventname", "p_event_time", "p_any_ip_addresses" FROM "prowl_ci"."aws_cloudtrail" ` +
        `WHERE "year" = 2026 AND "month" = 11 AND "day" = 22 AND "hour" = 10 ORDER BY "p_event_time") ` +
        `TO 's3://${bucket}/${PARQUET_PREFIX}' WITH (format = 'PARQUET', compression = 'ZSTD')`,
    );
    expect(await keysIn(s3, bucket, 'parquet/')).toEqual([MARKER, `${PARQUET_PREFIX}q-1_00000`]);
    expect(await markerBody()).toEqual({ compactedAt: '2026-11-22T11:30:00.000Z', sources: 2, newestSource: expect.any(String), bytesScanned: 4096 });
    expect(tagged.sort()).toEqual([`${JSON_PREFIX}a.json.gz`, `${JSON_PREFIX}b.json.gz`]);
    expect(COMPACTED_TAG).toEqual({ Key: 'prowl-compacted', Value: 'true' });
    // The JSON stays: the lifecycle rule expires it later.
    expect(await keysIn(s3, bucket, JSON_PREFIX)).toEqual([`${JSON_PREFIX}a.json.gz`, `${JSON_PREFIX}b.json.gz`]);
  });

  it('removes the marker first and what an earlier attempt left, so compacting twice leaves one copy of the rows', async () => {
    unloadWrites(['q_00000', 'q_00001']);
    await compaction.compactHour('aws_cloudtrail', DateTime.fromISO(HOUR, { zone: 'utc' }));
    // A crashed attempt left a file and no marker; a finished one left both. Either way, again:
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${PARQUET_PREFIX}orphan_00000`, Body: 'PAR1' }));
    s3Calls = [];
    await compaction.compactHour('aws_cloudtrail', DateTime.fromISO(HOUR, { zone: 'utc' }));

    expect(await keysIn(s3, bucket, PARQUET_PREFIX)).toEqual([`${PARQUET_PREFIX}q_00000`, `${PARQUET_PREFIX}q_00001`]);
    const writes = s3Calls.filter((call) => /^(Put|Delete)/.test(call));
    expect(writes[0]).toBe(`DeleteObject ${MARKER}`);
    expect(writes[1]).toBe('DeleteObjects');
    expect(writes[writes.length - 1]).toBe(`PutObject ${MARKER}`);
    expect(writes.filter((call) => call.includes(MARKER))).toEqual([`DeleteObject ${MARKER}`, `PutObject ${MARKER}`]);
  });

  it('writes no marker and tags nothing when the UNLOAD fails, so searches keep reading the JSON', async () => {
    unloadWrites(['partial_00000']);
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { Status: { State: 'FAILED', StateChangeReason: 'HIVE_BAD_DATA: malformed JSON', AthenaError: { ErrorCategory: 3 } } },
    });

    await expect(compaction.compactHour('aws_cloudtrail', DateTime.fromISO(HOUR, { zone: 'utc' }))).rejects.toThrow(/HIVE_BAD_DATA/);
    expect(await keysIn(s3, bucket, 'parquet/aws_cloudtrail/_compacted/')).toEqual([]);
    expect(tagged).toEqual([]);
  });

  it('fails an hour whose JSON is over the scan cap without starting the query Athena would cancel', async () => {
    const capped = createAthenaCompaction({
      s3,
      athena: new AthenaClient({ region: 'us-east-1' }),
      bucket,
      workGroup: 'prowl-ci',
      database: 'prowl_ci',
      tables: ['aws_cloudtrail'],
      now: () => now,
      clock: fakeClock,
      maxBytes: 7,
    });
    // Two objects of four bytes ('gzip'): eight bytes, one over the cap.
    await expect(capped.compactHour('aws_cloudtrail', DateTime.fromISO(HOUR, { zone: 'utc' }))).rejects.toThrow(
      /holds 8 bytes of JSON, more than the 7 an Athena query may scan; raise athenaBytesScannedCutoff/,
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  it('writes no marker and starts no query when the table columns cannot be read', async () => {
    unloadWrites(['q_00000']);
    athena.on(GetTableMetadataCommand).rejects(new Error('AccessDenied: glue:GetTable'));

    await expect(compaction.compactHour('aws_cloudtrail', DateTime.fromISO(HOUR, { zone: 'utc' }))).rejects.toThrow(/glue:GetTable/);
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
    expect(await keysIn(s3, bucket, 'parquet/')).toEqual([]);
  });
});

describe('the scheduled run', () => {
  const run = { settleMinutes: 15, lookbackHours: 3 };

  it('compacts closed hours only once their settle time has passed', async () => {
    unloadWrites(['q_00000']);
    now = DateTime.fromISO('2026-11-22T11:10:00Z', { zone: 'utc' });
    const early = await compaction.compactClosedHours(run);
    expect(early.map((o) => [o.hour, o.status])).toEqual([
      ['2026-11-22T09:00:00.000Z', 'empty'],
      ['2026-11-22T08:00:00.000Z', 'empty'],
      ['2026-11-22T07:00:00.000Z', 'empty'],
    ]);

    now = DateTime.fromISO('2026-11-22T11:15:00Z', { zone: 'utc' });
    const settled = await compaction.compactClosedHours(run);
    expect(settled.filter((o) => o.status === 'compacted').map((o) => o.hour)).toEqual([HOUR]);
  });

  it('leaves an up-to-date hour alone, and compacts it again when a late file arrives', async () => {
    unloadWrites(['q_00000']);
    await compaction.compactClosedHours(run);
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);

    const again = await compaction.compactClosedHours(run);
    expect(again.find((o) => o.hour === HOUR)?.status).toBe('current');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);

    await putJson('late.json.gz');
    const late = await compaction.compactClosedHours(run);
    expect(late.find((o) => o.hour === HOUR)).toMatchObject({ status: 'compacted', sources: 3 });
    expect(await markerBody()).toMatchObject({ sources: 3 });
  });

  it('never rewrites an hour whose JSON has partly expired: the Parquet is the only full copy', async () => {
    unloadWrites(['q_00000']);
    await compaction.compactClosedHours(run);
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: MARKER, Body: JSON.stringify({ compactedAt: HOUR, sources: 5, newestSource: '2999-01-01T00:00:00.000Z' }) }),
    );

    const outcome = await compaction.compactClosedHours(run);
    expect(outcome.find((o) => o.hour === HOUR)?.status).toBe('sources-expired');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('reports a failed hour without stopping the others, and defers what the time left does not allow', async () => {
    athena.on(StartQueryExecutionCommand).rejects(new Error('TooManyRequestsException'));
    const failed = await compaction.compactClosedHours(run);
    expect(failed.find((o) => o.hour === HOUR)).toMatchObject({ status: 'failed', error: expect.stringMatching(/TooManyRequests/) });
    expect(failed.filter((o) => o.hour !== HOUR).every((o) => o.status === 'empty')).toBe(true);

    const deferred = await compaction.compactClosedHours({ ...run, outOfTime: () => true });
    expect(deferred.every((o) => o.status === 'deferred')).toBe(true);
  });
});
