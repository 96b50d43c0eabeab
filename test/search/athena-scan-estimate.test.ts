import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, GetWorkGroupCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { DateTime } from 'luxon';
import { isProwlError } from '../../src/errors';
import { compactedMarkerKey } from '../../src/lake/lake-layout';
import { checkScanEstimate, estimateScan } from '../../src/search/athena-scan-estimate';
import { athenaSearch } from '../../src/search/search-service';
import { emptyBucket } from '../lake/lake-bucket';

/**
 * The estimate before an Athena search, over objects in the S3 emulator: Parquet sizes for the
 * hours with a compaction marker, JSON sizes for the others, within a budget of list requests.
 */

const athena = mockClient(AthenaClient);
let s3: S3Client;
let bucket: string;

/** A search of AWS.CloudTrail over 10:00–13:00 on 2026-11-22: hours 10, 11 and 12. */
const range = { from: '2026-11-22T10:00:00.000Z', to: '2026-11-22T13:00:00.000Z' };
const cloudTrail = { range, logTypes: ['AWS.CloudTrail'] };

async function put(key: string, bytes: number): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(bytes, 1) }));
}
const json = (hour: string, name: string): string => `logs/aws_cloudtrail/year=2026/month=11/day=22/hour=${hour}/${name}.json.gz`;
const parquet = (hour: string, name: string): string => `parquet/aws_cloudtrail/year=2026/month=11/day=22/hour=${hour}/${name}`;
const marker = (hour: string): string => compactedMarkerKey('aws_cloudtrail', `2026-11-22T${hour}:00:00.000Z`);

beforeEach(async () => {
  ({ s3, bucket } = await emptyBucket());
  athena.reset();
});

describe('the scan estimate of an Athena search', () => {
  it('counts Parquet for compacted hours and JSON for the others, each hour once, and nothing outside the range', async () => {
    await put(json('10', 'a'), 1000);
    await put(json('10', 'b'), 500);
    await put(parquet('10', 'q_0'), 200);
    await put(marker('10'), 2);
    await put(json('11', 'a'), 3000);
    await put(json('12', 'a'), 700);
    // Outside the range: the hour before and after, and a compacted hour of another day.
    await put(json('09', 'a'), 9_000_000);
    await put(json('13', 'a'), 9_000_000);
    await put(marker('09'), 2);
    await put(marker('13'), 2);

    const estimate = await estimateScan(cloudTrail, { s3, bucket });
    expect(estimate).toMatchObject({ bytes: 200 + 3000 + 700, tableHours: 3, listedTableHours: 3, compactedTableHours: 1, basis: 'listed' });
  });

  it('costs two requests, JSON and Parquet, for a log type nothing was written to', async () => {
    const estimate = await estimateScan({ range, logTypes: ['AWS.ALB', 'AWS.VPCFlow'] }, { s3, bucket });
    expect(estimate).toMatchObject({ bytes: 0, tableHours: 6, listedTableHours: 6 });
    expect(estimate.requests).toBe(4);
  });

  it('stays within its request budget, counting the hours it could not list at the average of those it did', async () => {
    await put(json('10', 'a'), 1000);
    await put(json('11', 'a'), 1000);
    await put(json('12', 'a'), 1000);
    // One request to see the table has objects, one for the markers, one JSON hour (the newest).
    const estimate = await estimateScan(cloudTrail, { s3, bucket, maxRequests: 3 });
    expect(estimate).toMatchObject({ bytes: 3000, listedTableHours: 1, tableHours: 3, requests: 3, basis: 'extrapolated' });
  });

  it('samples every table when the budget is short, and extrapolates each from its own hours', async () => {
    for (const hour of ['10', '11', '12']) {
      await put(json(hour, 'a'), 1000);
      await put(`logs/aws_vpcflow/year=2026/month=11/day=22/hour=${hour}/a.json.gz`, 10);
    }
    // Two requests to see both tables have objects, two for their markers, then the newest hour of each.
    const estimate = await estimateScan({ range, logTypes: ['AWS.CloudTrail', 'AWS.VPCFlow'] }, { s3, bucket, maxRequests: 6 });
    expect(estimate).toMatchObject({ bytes: 3 * 1000 + 3 * 10, listedTableHours: 2, tableHours: 6, basis: 'extrapolated' });
  });

  it('stops listing once the total is past the cap', async () => {
    for (const hour of ['10', '11', '12']) await put(json(hour, 'a'), 5000);
    const estimate = await estimateScan(cloudTrail, { s3, bucket, stopAboveBytes: 4000, concurrency: 1 });
    expect(estimate).toMatchObject({ bytes: 5000, listedTableHours: 1, basis: 'at-least' });
  });
});

describe('refusing a search over the cap', () => {
  const estimate = { bytes: 30 * 2 ** 30, tableHours: 24 * 11, listedTableHours: 24 * 11, compactedTableHours: 0, requests: 40, basis: 'listed' } as const;

  it('says how much it would read, the cap, a range that would fit, and a log type instead of any', () => {
    const refuse = (): void => checkScanEstimate({ range, logTypes: Array.from({ length: 11 }, (_, i) => `T${i}`) }, estimate, 10 * 2 ** 30);
    expect(refuse).toThrow(
      /would read about 30(\.0)? GB.*more than the 10(\.0)? GB a query may scan.*about 8 hours would fit, e\.g\. last 8h.*one log type instead of any/,
    );
    try {
      refuse();
    } catch (error) {
      expect(isProwlError(error, 'prowl_bad_input')).toBe(true);
    }
  });

  it('says when the amount is a lower bound or extrapolated', () => {
    const cap = 10 * 2 ** 30;
    expect(() => checkScanEstimate(cloudTrail, { ...estimate, basis: 'at-least' }, cap)).toThrow(/would read at least 30/);
    expect(() => checkScanEstimate(cloudTrail, { ...estimate, basis: 'extrapolated' }, cap)).toThrow(/\(extrapolated from the hours listed\)/);
  });

  it('lets a search under the cap through', () => {
    expect(() => checkScanEstimate(cloudTrail, { ...estimate, bytes: 2 ** 30 }, 10 * 2 ** 30)).not.toThrow();
  });
});

describe('an Athena search held to the workgroup cap', () => {
  const now = (): DateTime => DateTime.fromISO('2026-11-22T13:00:00Z', { zone: 'utc' });
  const search = (): ReturnType<typeof athenaSearch> =>
    athenaSearch({ athena: new AthenaClient({ region: 'us-east-1' }), workGroup: 'prowl-ci', database: 'prowl_ci', now, lake: { s3, bucket } });

  beforeEach(async () => {
    await put(json('10', 'a'), 4000);
    await put(json('12', 'a'), 4000);
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 8000 } } });
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: { Rows: [{ Data: [{ VarCharValue: 'p_event_time' }] }], ResultSetMetadata: { ColumnInfo: [{ Name: 'p_event_time', Type: 'varchar' }] } },
    });
  });

  it('refuses before starting a query when the estimate is over the cap', async () => {
    athena.on(GetWorkGroupCommand).resolves({ WorkGroup: { Name: 'prowl-ci', Configuration: { BytesScannedCutoffPerQuery: 5000 } } });
    await expect(search().search('AWS.CloudTrail last 3h')).rejects.toThrow(/would read about .*more than the .* a query may scan/);
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  it('runs a search under the cap and reports the bytes Athena scanned and the time it took', async () => {
    athena.on(GetWorkGroupCommand).resolves({ WorkGroup: { Name: 'prowl-ci', Configuration: { BytesScannedCutoffPerQuery: 10 * 2 ** 20 } } });
    const { result } = await search().search('AWS.CloudTrail last 3h');
    expect(result).toMatchObject({ bytesScanned: 8000, elapsedMs: expect.any(Number), rowCount: 0 });
    expect(athena.commandCalls(GetWorkGroupCommand)[0]!.args[0].input).toEqual({ WorkGroup: 'prowl-ci' });
  });

  it('runs unchecked when the lake cannot be listed: Athena still enforces the cap', async () => {
    athena.on(GetWorkGroupCommand).resolves({ WorkGroup: { Name: 'prowl-ci', Configuration: { BytesScannedCutoffPerQuery: 5000 } } });
    const unlisted = athenaSearch({
      athena: new AthenaClient({ region: 'us-east-1' }),
      workGroup: 'prowl-ci',
      database: 'prowl_ci',
      now,
      lake: { s3, bucket: 'no-such-bucket-for-prowl' },
    });
    const { result } = await unlisted.search('AWS.CloudTrail last 3h');
    expect(result.bytesScanned).toBe(8000);
  });

  it('runs unchecked when the cap cannot be read: Athena still enforces its own', async () => {
    athena.on(GetWorkGroupCommand).rejects(new Error('AccessDeniedException'));
    const { result } = await search().search('AWS.CloudTrail last 3h');
    expect(result.bytesScanned).toBe(8000);
  });
});
