import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime, Settings } from 'luxon';
import type { LogType } from '../../src/logs/log-type';
import { normalize } from '../../src/logs/normalize';
import { createDuckDbBackend, type DuckDbBackend } from '../../src/search/duckdb-backend';
import { runSearch } from '../../src/search/search';
import type { SearchResult } from '../../src/search/search-backend';
import { cloudTrailEvent, writeLake } from './helpers/lake';
import { testCatalog } from './helpers/plan';
import { testFlow } from './helpers/test-log-type';

/**
 * The compiled SQL run by DuckDB over a small lake in the real layout: every operator has to
 * select the right events, not just produce plausible text.
 */
describe('DuckDB search over a local lake', () => {
  let lakeDir: string;
  let backend: DuckDbBackend;

  beforeAll(() => {
    Settings.now = () => Date.parse('2024-05-02T10:30:00Z');
    lakeDir = mkdtempSync(join(tmpdir(), 'prowl-search-lake-'));
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
        eventSource: 's3.amazonaws.com',
        sourceIPAddress: '2001:db8::5',
        readOnly: true,
        requestParameters: { bucketName: 'finance-reports', size: 2048 },
      }),
      cloudTrailEvent({ eventID: 'hostile', eventTime: '2024-05-02T06:00:00Z', eventName: "x' OR '1'='1", sourceIPAddress: 'ec2.amazonaws.com' }),
      cloudTrailEvent({ eventID: 'last-week', eventTime: '2024-04-26T06:00:00Z', eventName: 'ConsoleLogin' }),
    ]);
    const flow = normalize(
      testFlow as unknown as LogType,
      { srcAddr: '10.1.2.3', dstPort: 22, startTime: '2024-05-02T08:00:00Z', action: 'REJECT' },
      { sourceId: 'flow', sourceLabel: 'flow logs', objectId: 'flow-object', position: 1 },
      '2024-05-02T10:00:00.000Z',
    );
    writeLake(lakeDir, [flow], 'flow');
    backend = createDuckDbBackend({ lakeDir, catalog: testCatalog });
  });

  afterAll(() => {
    backend.close();
    rmSync(lakeDir, { recursive: true, force: true });
    Settings.now = () => Date.now();
  });

  const search = async (query: string, maxRows = 100): Promise<SearchResult> =>
    (await runSearch(query, backend, { catalog: testCatalog, now: DateTime.utc(), timeoutMs: 20_000, maxRows })).result;

  const ids = async (query: string): Promise<string[]> => {
    const result = await search(`${query} fields eventID`);
    return result.rows.map((row) => String(row[1]));
  };

  it('finds events by exact value, newest first', async () => {
    expect(await ids('AWS.CloudTrail eventName=ConsoleLogin')).toEqual(['login']);
    expect(await ids('AWS.CloudTrail')).toEqual(['login', 'delete-trail', 'get-object', 'hostile']);
  });

  it('keeps events without the field for !=', async () => {
    expect(await ids('AWS.CloudTrail errorCode!=AccessDenied')).toEqual(['login', 'get-object', 'hostile']);
  });

  it('matches globs case-insensitively, and !~ excludes them', async () => {
    expect(await ids('AWS.CloudTrail userIdentity.arn~*ROLE/adm*')).toEqual(['delete-trail']);
    expect(await ids('AWS.CloudTrail eventName!~*trail')).toEqual(['login', 'get-object', 'hostile']);
  });

  it('matches in lists', async () => {
    expect(await ids('AWS.CloudTrail eventName in (GetObject, DeleteTrail)')).toEqual(['delete-trail', 'get-object']);
  });

  it('compares times and Prowl event times', async () => {
    expect(await ids('AWS.CloudTrail eventTime>=2024-05-02T08:20:00Z')).toEqual(['login', 'delete-trail']);
    expect(await ids('AWS.CloudTrail p_event_time<2024-05-02T07:05:00Z')).toEqual(['hostile']);
  });

  it('compares booleans and numbers inside free-form maps', async () => {
    expect(await ids('AWS.CloudTrail readOnly=true')).toEqual(['get-object']);
    expect(await ids('AWS.CloudTrail requestParameters.size>1000')).toEqual(['get-object']);
    expect(await ids('AWS.CloudTrail requestParameters.bucketName=finance-reports')).toEqual(['get-object']);
  });

  it('matches IPv4 and IPv6 CIDR blocks, skipping values that are not addresses', async () => {
    expect(await ids('AWS.CloudTrail sourceIPAddress=10.0.0.0/8')).toEqual(['delete-trail']);
    expect(await ids('AWS.CloudTrail sourceIPAddress=2001:db8::/32')).toEqual(['get-object']);
    expect(await ids('AWS.CloudTrail sourceIPAddress!=10.0.0.0/8')).toEqual(['login', 'get-object', 'hostile']);
  });

  it('matches a bound hostile value literally and nothing else', async () => {
    expect(await ids(`AWS.CloudTrail eventName="x' OR '1'='1"`)).toEqual(['hostile']);
  });

  it('pivots on an indicator across log types with any', async () => {
    const result = await search('any ip=10.1.2.3');
    expect(result.columns).toEqual(['p_event_time', 'p_log_type', 'p_any_ip_addresses', 'p_source_label', 'p_row_id']);
    expect(result.rows.map((row) => row.slice(0, 3))).toEqual([
      ['2024-05-02T08:20:00.000Z', 'AWS.CloudTrail', ['10.1.2.3']],
      ['2024-05-02T08:00:00.000Z', 'Test.Flow', ['10.1.2.3']],
    ]);
  });

  it('pivots on CIDR blocks and usernames with any', async () => {
    expect((await search('any ip=10.0.0.0/8')).rowCount).toBe(2);
    expect((await search('any user=Admin')).rows.map((row) => row[1])).toEqual(['AWS.CloudTrail']);
  });

  it('reads only the range asked for', async () => {
    expect(await ids('AWS.CloudTrail eventName=ConsoleLogin last 7d')).toEqual(['login', 'last-week']);
  });

  it('returns no rows, with the search columns, when no partition exists in range', async () => {
    const result = await search('AWS.CloudTrail since 2023-01-01 until 2023-01-02');
    expect(result).toMatchObject({ columns: ['p_event_time', 'p_any_aws_arns', 'p_any_ip_addresses', 'p_row_id'], rows: [], rowCount: 0, truncated: false });
  });

  it('returns nested values as JSON values', async () => {
    const result = await search('AWS.CloudTrail eventName=GetObject fields requestParameters,p_any_ip_addresses,readOnly');
    expect(result.rows).toEqual([['2024-05-02T07:05:00.000Z', { bucketName: 'finance-reports', size: 2048 }, ['2001:db8::5'], true]]);
  });

  it('stops at maxRows and says the result was cut', async () => {
    const result = await search('AWS.CloudTrail', 2);
    expect(result).toMatchObject({ rowCount: 2, truncated: true });
  });

  it('applies the limit clause', async () => {
    expect((await search('AWS.CloudTrail limit 1')).rows).toHaveLength(1);
  });
});
