import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { compactClosedHours, compactionTables, type HourReport } from '../../src/lake/compaction';
import { compactedMarkerKey, parquetKey } from '../../src/lake/lake-layout';
import { directoryLakeStorage } from '../../src/lake/lake-storage';
import type { LogType } from '../../src/logs/log-type';
import { normalize } from '../../src/logs/normalize';
import { createDuckDbBackend } from '../../src/search/duckdb-backend';
import { compileSearch, runSearch } from '../../src/search/search';
import type { SearchResult } from '../../src/search/search-backend';
import { cloudTrailEvent, writeLake } from '../search/helpers/lake';
import { testCatalog } from '../search/helpers/plan';
import { testFlow } from '../search/helpers/test-log-type';

/** Searches run at this instant; the lake holds 2024-05-02 from 06:00 to 09:59. */
const NOW = DateTime.fromISO('2024-05-02T12:00:00Z', { zone: 'utc' });
const QUERIES = [
  'AWS.CloudTrail',
  'AWS.CloudTrail eventName=ConsoleLogin',
  'AWS.CloudTrail errorCode!=AccessDenied fields eventID,errorCode',
  'AWS.CloudTrail userIdentity.arn~*ROLE/adm* fields eventID,userIdentity.arn',
  'AWS.CloudTrail requestParameters.size>1000 fields eventID,requestParameters',
  'AWS.CloudTrail sourceIPAddress=10.0.0.0/8 fields eventID',
  'AWS.CloudTrail sourceIPAddress=2001:db8::/32 fields eventID',
  `AWS.CloudTrail eventName="x' OR '1'='1" fields eventID`,
  'any ip=10.1.2.3',
  'any ip=10.0.0.0/8',
  'any user=Admin',
  'Test.Flow action=REJECT',
  // Columnar fields (their own Parquet column) filtered, negated and shown, whole and below.
  'AWS.CloudTrail userIdentity.type=AssumedRole fields eventID,userIdentity.arn,userIdentity.sessionContext.sessionIssuer.arn',
  'AWS.CloudTrail userIdentity.arn!~*alice* fields eventID,userIdentity.arn,userIdentity',
  'AWS.CloudTrail userIdentity.sessionContext.sessionIssuer.arn~*role/Ops fields eventID,userIdentity.sessionContext.sessionIssuer',
  'AWS.CloudTrail sourceIPAddress=10.1.2.0/24 fields eventID,sourceIPAddress',
  'AWS.CloudTrail sourceIPAddress=10.9.9.9/32 fields eventID',
  'AWS.CloudTrail userIdentity.accountId in (111122223333, 444455556666) userIdentity.principalId!=x fields eventID',
];

describe('compacting closed hours to Parquet', () => {
  let lakeDir: string;

  beforeEach(() => {
    lakeDir = mkdtempSync(join(tmpdir(), 'prowl-compaction-'));
    // Two files in one hour (two source objects), and hours far enough apart to be closed or open.
    writeLake(lakeDir, [
      cloudTrailEvent({ eventID: 'login', eventTime: '2024-05-02T09:15:00Z', eventName: 'ConsoleLogin', readOnly: false }),
      cloudTrailEvent({
        eventID: 'delete-trail',
        eventTime: '2024-05-02T08:20:00Z',
        eventName: 'DeleteTrail',
        sourceIPAddress: '10.1.2.3',
        errorCode: 'AccessDenied',
        userIdentity: { arn: 'arn:aws:iam::111122223333:role/Admin', userName: 'Admin' },
      }),
      cloudTrailEvent({
        eventID: 'get-object',
        eventTime: '2024-05-02T07:05:00Z',
        eventName: 'GetObject',
        sourceIPAddress: '2001:db8::5',
        readOnly: true,
        requestParameters: { bucketName: 'finance-reports', size: 2048 },
      }),
      cloudTrailEvent({ eventID: 'hostile', eventTime: '2024-05-02T06:00:00Z', eventName: "x' OR '1'='1", sourceIPAddress: 'ec2.amazonaws.com' }),
    ]);
    writeLake(
      lakeDir,
      [
        cloudTrailEvent({ eventID: 'same-hour', eventTime: '2024-05-02T08:20:00Z', eventName: 'GetObject', sourceIPAddress: '10.9.9.9' }),
        cloudTrailEvent({ eventID: 'tie', eventTime: '2024-05-02T08:20:00Z', eventName: 'PutObject' }),
        cloudTrailEvent({
          eventID: 'assumed',
          eventTime: '2024-05-02T07:30:00Z',
          eventName: 'StopLogging',
          sourceIPAddress: '10.1.2.30',
          userIdentity: {
            type: 'AssumedRole',
            arn: 'arn:aws:sts::111122223333:assumed-role/Ops/bob',
            sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Ops' } },
          },
        }),
        // Hostile: a columnar field that is not text must read the same from either layout.
        cloudTrailEvent({
          eventID: 'odd-arn',
          eventTime: '2024-05-02T06:40:00Z',
          eventName: 'GetBucketAcl',
          userIdentity: { type: 'AssumedRole', arn: { nested: 'alice' } as unknown as string },
        }),
      ],
      'second-object',
    );
    const flow = normalize(
      testFlow as unknown as LogType,
      { srcAddr: '10.1.2.3', dstPort: 22, startTime: '2024-05-02T08:00:00Z', action: 'REJECT' },
      { sourceId: 'flow', sourceLabel: 'flow logs', objectId: 'flow-object', position: 1 },
      '2024-05-02T10:00:00.000Z',
    );
    writeLake(lakeDir, [flow], 'flow');
  });

  afterEach(() => rmSync(lakeDir, { recursive: true, force: true }));

  const compact = async (now: DateTime, settleMinutes = 60): Promise<HourReport[]> => {
    const reports: HourReport[] = [];
    await compactClosedHours({
      storage: directoryLakeStorage(lakeDir),
      tables: compactionTables(testCatalog),
      now,
      settleMinutes,
      onHour: (r) => reports.push(r),
    });
    return reports;
  };

  const searchAll = async (): Promise<SearchResult[]> => {
    const backend = createDuckDbBackend({ lakeDir, catalog: testCatalog, threads: 1 });
    try {
      const results: SearchResult[] = [];
      for (const query of QUERIES)
        results.push((await runSearch(`${query} last 1d`, backend, { catalog: testCatalog, now: NOW, timeoutMs: 20_000, maxRows: 100 })).result);
      return results;
    } finally {
      backend.close();
    }
  };

  const rowsOf = (results: SearchResult[]): Array<{ columns: string[]; rows: unknown[] }> => results.map(({ columns, rows }) => ({ columns, rows }));
  const hour = (text: string): DateTime => DateTime.fromISO(text, { zone: 'utc' });

  it('compacts only hours closed for the settle time, one Parquet file and a marker per table and hour', async () => {
    // At 10:30 with 60 minutes to settle, 06:00–08:59 are closed and 09:00 is not.
    const reports = await compact(hour('2024-05-02T10:30:00Z'));
    expect(reports.map((r) => `${r.table} ${r.hour.toISO()} ${r.outcome}`).sort()).toEqual([
      'aws_cloudtrail 2024-05-02T06:00:00.000Z compacted',
      'aws_cloudtrail 2024-05-02T07:00:00.000Z compacted',
      'aws_cloudtrail 2024-05-02T08:00:00.000Z compacted',
      'test_flow 2024-05-02T08:00:00.000Z compacted',
    ]);
    expect(reports.find((r) => r.hour.hour === 8 && r.table === 'aws_cloudtrail')).toMatchObject({ rows: 3 });
    expect(existsSync(join(lakeDir, parquetKey('aws_cloudtrail', hour('2024-05-02T09:00:00Z'))))).toBe(false);
    const hourDir = join(lakeDir, 'parquet/aws_cloudtrail/year=2024/month=05/day=02/hour=08');
    expect(readdirSync(hourDir).sort()).toEqual(['aws_cloudtrail-2024050208.parquet']);
    expect(JSON.parse(readFileSync(join(lakeDir, compactedMarkerKey('aws_cloudtrail', hour('2024-05-02T08:00:00Z'))), 'utf8'))).toEqual({
      table: 'aws_cloudtrail',
      hour: '2024-05-02T08:00:00.000Z',
      parquetKey: 'parquet/aws_cloudtrail/year=2024/month=05/day=02/hour=08/aws_cloudtrail-2024050208.parquet',
      rows: 3,
      sources: ['events.json.gz', 'second-object.json.gz'],
      columnar: [
        'userIdentity.type',
        'userIdentity.arn',
        'userIdentity.accountId',
        'userIdentity.principalId',
        'userIdentity.sessionContext.sessionIssuer.arn',
      ],
    });
  });

  it('gives the same rows, columns and order whether hours are in JSON, Parquet or both', async () => {
    const before = await searchAll();
    expect(before.map((result) => result.rowCount)).toEqual([8, 1, 7, 1, 1, 3, 1, 1, 2, 4, 1, 1, 2, 2, 1, 2, 1, 8]);
    await compact(hour('2024-05-02T10:30:00Z')); // some hours compacted
    expect(rowsOf(await searchAll())).toEqual(rowsOf(before));
    await compact(hour('2024-05-03T00:00:00Z')); // all of them
    const after = await searchAll();
    expect(rowsOf(after)).toEqual(rowsOf(before));
  });

  it('counts bytes scanned from the files read: all of each JSON file, only the used columns of Parquet', async () => {
    const [jsonOnly] = await searchAll();
    await compact(hour('2024-05-03T00:00:00Z'));
    const [parquet] = await searchAll();
    expect(jsonOnly!.bytesScanned).toBeGreaterThan(0);
    expect(parquet!.bytesScanned).toBeGreaterThan(0);
    // The JSON count is exactly the size of the CloudTrail files in range.
    const jsonFiles = readdirSync(join(lakeDir, 'logs/aws_cloudtrail'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.json.gz'));
    const sizes = jsonFiles.reduce((sum, name) => sum + readFileSync(join(lakeDir, 'logs/aws_cloudtrail', name)).length, 0);
    expect(jsonOnly!.bytesScanned).toBe(sizes);
  });

  it("reads a columnar field's own column from Parquet, not its whole object", async () => {
    await compact(hour('2024-05-03T00:00:00Z'));
    const backend = createDuckDbBackend({ lakeDir, catalog: testCatalog, threads: 1 });
    try {
      const compiled = compileSearch('AWS.CloudTrail userIdentity.arn~*admin* last 1d fields eventID,userIdentity.arn', backend.target, {
        catalog: testCatalog,
        now: NOW,
      });
      expect(compiled.reads?.parquetFiles).toHaveLength(4);
      // The filter compares the text column, the result shows the JSON one; the object is not read.
      expect(compiled.reads?.columns).toEqual(expect.arrayContaining(['p_text.userIdentity.arn', 'p_field.userIdentity.arn']));
      expect(compiled.reads?.columns).not.toContain('userIdentity');
    } finally {
      backend.close();
    }
  });

  it('reads an hour compacted before its columnar fields existed from JSON, and compacts it again', async () => {
    const before = await searchAll();
    await compact(hour('2024-05-03T00:00:00Z'));
    // The marker as written before columnar fields, over a file without their columns.
    const eight = hour('2024-05-02T08:00:00Z');
    const markerFile = join(lakeDir, compactedMarkerKey('aws_cloudtrail', eight));
    const { columnar: _columnar, ...older } = JSON.parse(readFileSync(markerFile, 'utf8')) as Record<string, unknown>;
    const storage = directoryLakeStorage(lakeDir);
    const oldTable = { ...compactionTables(testCatalog).find((table) => table.table === 'aws_cloudtrail')!, columnar: [] };
    rmSync(markerFile);
    await compactClosedHours({
      storage,
      tables: [oldTable],
      now: hour('2024-05-03T00:00:00Z'),
      settleMinutes: 60,
      since: eight,
      until: eight.plus({ hours: 1 }),
    });
    writeFileSync(markerFile, JSON.stringify(older));
    expect(rowsOf(await searchAll())).toEqual(rowsOf(before));
    expect((await compact(hour('2024-05-03T00:00:00Z'))).map((r) => `${r.table} ${r.hour.hour} ${r.outcome}`)).toEqual(['aws_cloudtrail 8 compacted']);
    expect(rowsOf(await searchAll())).toEqual(rowsOf(before));
  });

  it('is idempotent: compacting again changes nothing, and recompacting the same JSON gives the same file', async () => {
    const closed = hour('2024-05-03T00:00:00Z');
    await compact(closed);
    const file = join(lakeDir, parquetKey('aws_cloudtrail', hour('2024-05-02T08:00:00Z')));
    const first = readFileSync(file);
    expect(await compact(closed)).toEqual([]);
    // Without its marker (a crash after the Parquet file) the hour is compacted again, to the same bytes.
    rmSync(join(lakeDir, compactedMarkerKey('aws_cloudtrail', hour('2024-05-02T08:00:00Z'))));
    expect((await compact(closed)).map((r) => r.outcome)).toEqual(['compacted']);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(readdirSync(join(lakeDir, 'parquet/aws_cloudtrail/year=2024/month=05/day=02/hour=08'))).toHaveLength(1);
  });

  it('keeps reading JSON for an hour whose marker is missing (a crash before it was written)', async () => {
    const before = await searchAll();
    await compact(hour('2024-05-03T00:00:00Z'));
    rmSync(join(lakeDir, compactedMarkerKey('aws_cloudtrail', hour('2024-05-02T08:00:00Z'))));
    expect(rowsOf(await searchAll())).toEqual(rowsOf(before));
  });

  it('reads an hour from JSON again when a file arrived after compaction, until it is compacted again', async () => {
    await compact(hour('2024-05-03T00:00:00Z'));
    writeLake(lakeDir, [cloudTrailEvent({ eventID: 'late', eventTime: '2024-05-02T08:40:00Z', eventName: 'ConsoleLogin' })], 'late-object');
    const withLate = await searchAll();
    expect(withLate[1]!.rows.length).toBe(2);
    expect((await compact(hour('2024-05-03T00:00:00Z'))).map((r) => `${r.hour.hour} ${r.outcome}`)).toEqual(['8 compacted']);
    expect(rowsOf(await searchAll())).toEqual(rowsOf(withLate));
  });
});
