import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { LocalStack } from '../../src/local/local-stack';
import { cloudTrailKey } from '../helpers/cloudtrail-files';
import { startTestStack } from '../helpers/local-stack';
import { interceptSlack } from '../helpers/slack-api';

const FIXTURES = join(__dirname, '..', 'fixtures', 'logs');
const fixture = (relative: string): Buffer => readFileSync(join(FIXTURES, relative));

/**
 * Log objects of every type go through the real stack (S3 notification → queue → ingest
 * handler), and the lake files they leave are read back the way search reads them: DuckDB on
 * local copies (DuckDB has no S3 access here).
 */
describe('log objects put in the raw bucket', () => {
  let stack: LocalStack;
  let slack: ReturnType<typeof interceptSlack>;
  let duckdb: DuckDBInstance;
  let sql: DuckDBConnection;
  let lakeDir: string;

  async function lakeKeys(prefix: string): Promise<string[]> {
    const listed = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.runtime.buckets.lake, Prefix: prefix }));
    return (listed.Contents ?? []).map((object) => object.Key!).sort();
  }

  /** Copies the lake's log files to a fresh local directory, keeping their partition paths. */
  async function downloadLake(): Promise<string> {
    const dir = mkdtempSync(join(lakeDir, 'copy-'));
    for (const key of await lakeKeys('logs/')) {
      const object = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.runtime.buckets.lake, Key: key }));
      mkdirSync(dirname(join(dir, key)), { recursive: true });
      writeFileSync(join(dir, key), Buffer.from(await object.Body!.transformToByteArray()));
    }
    return dir;
  }

  async function query(text: string): Promise<Array<Record<string, unknown>>> {
    return (await sql.runAndReadAll(text)).getRowObjectsJson() as Array<Record<string, unknown>>;
  }

  const table = (dir: string, name: string): string =>
    `read_json_auto('${dir}/logs/${name}/*/*/*/*/*.json.gz', hive_partitioning = true, union_by_name = true)`;

  beforeAll(async () => {
    slack = interceptSlack();
    stack = await startTestStack();
    lakeDir = mkdtempSync(join(tmpdir(), 'prowl-lake-test-'));
    duckdb = await DuckDBInstance.create(':memory:');
    sql = await duckdb.connect();

    await stack.putObject(cloudTrailKey('lake'), fixture('cloudtrail/records.json.gz'));
    await stack.putObject(
      'AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/22/123456789012_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261122T104211Z.json.gz',
      fixture('cloudtrail-digest/digest.json.gz'),
    );
    await stack.putObject('inbox/s3/access.log', fixture('s3-server-access/access.log'));
    await stack.putObject('inbox/vpc/flow.log', fixture('vpc-flow/default.log'));
    await stack.putObject('inbox/alb/access.log', fixture('alb/access.log'));
    await stack.putObject('inbox/guardduty/findings.jsonl.gz', fixture('guardduty/export.jsonl.gz'));
    await stack.runner.idle();
  });

  afterAll(async () => {
    sql.closeSync();
    duckdb.closeSync();
    await stack.stop();
    slack.done();
    rmSync(lakeDir, { recursive: true, force: true });
  });

  it('land in the lake as one table per log type, queryable with DuckDB', async () => {
    const dir = await downloadLake();
    const counts = async (name: string): Promise<number> => Number((await query(`SELECT count(*) AS n FROM ${table(dir, name)}`))[0]!['n']);
    expect(await counts('aws_cloudtrail')).toBe(8);
    expect(await counts('aws_cloudtraildigest')).toBe(1);
    expect(await counts('aws_s3serveraccess')).toBe(8);
    expect(await counts('aws_vpcflow')).toBe(6);
    expect(await counts('aws_alb')).toBe(7);
    expect(await counts('aws_guardduty')).toBe(2);
  });

  it('are partitioned by the hour of each event, and keep their fields and p_ fields', async () => {
    const dir = await downloadLake();
    const byHour = await query(
      `SELECT CAST(year AS INTEGER) AS year, CAST(month AS INTEGER) AS month, CAST(day AS INTEGER) AS day, CAST(hour AS INTEGER) AS hour, CAST(count(*) AS INTEGER) AS n FROM ${table(dir, 'aws_cloudtrail')} GROUP BY ALL ORDER BY hour`,
    );
    expect(byHour).toEqual([
      { year: 2026, month: 11, day: 22, hour: 10, n: 4 },
      { year: 2026, month: 11, day: 22, hour: 11, n: 4 },
    ]);
    const mismatched = await query(
      `SELECT count(*) AS n FROM ${table(dir, 'aws_cloudtrail')} WHERE CAST(hour AS INTEGER) <> hour(CAST(p_event_time AS TIMESTAMP))`,
    );
    expect(Number(mismatched[0]!['n'])).toBe(0);
    const [login] = await query(
      `SELECT eventName, userIdentity.type AS identity, p_log_type, p_event_time, p_source_label FROM ${table(dir, 'aws_cloudtrail')} WHERE list_contains(p_any_ip_addresses, '203.0.113.50')`,
    );
    expect(login).toMatchObject({ eventName: 'ConsoleLogin', identity: 'Root', p_log_type: 'AWS.CloudTrail', p_source_label: 'cloudtrail' });
    const [denied] = await query(
      `SELECT remoteip, CAST(httpstatus AS INTEGER) AS httpstatus, useragent FROM ${table(dir, 'aws_s3serveraccess')} WHERE errorcode = 'AccessDenied'`,
    );
    expect(denied).toMatchObject({ remoteip: '203.0.113.200', httpstatus: 403, useragent: 'Mozilla/5.0 (X11; Linux x86_64) "curious" crawler' });
  });

  it('quarantine the lines no log type accepts, with their source, key, line and reason', async () => {
    const dir = mkdtempSync(join(lakeDir, 'quarantine-'));
    for (const [index, key] of (await lakeKeys('quarantine/')).entries()) {
      const object = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.runtime.buckets.lake, Key: key }));
      writeFileSync(join(dir, `${index}.json.gz`), Buffer.from(await object.Body!.transformToByteArray()));
    }
    const rows = await query(`SELECT key, CAST(position AS INTEGER) AS position, reason FROM read_json_auto('${dir}/*.json.gz') ORDER BY key, position`);
    expect(rows.map((row) => [row['key'], row['position']])).toEqual([
      [cloudTrailKey('lake'), 5],
      [cloudTrailKey('lake'), 10],
      ['inbox/alb/access.log', 8],
      ['inbox/alb/access.log', 9],
      ['inbox/s3/access.log', 8],
      ['inbox/s3/access.log', 9],
    ]);
    expect(String(rows[5]!['reason'])).toContain('httpstatus: expected a whole number');
  });

  it('overwrite their own lake files, never add to them, when an object is processed again', async () => {
    const before = await lakeKeys('logs/aws_vpcflow/');
    await stack.putObject('inbox/vpc/flow.log', fixture('vpc-flow/default.log'));
    await stack.runner.idle();
    expect(await lakeKeys('logs/aws_vpcflow/')).toEqual(before);
    const dir = await downloadLake();
    expect(Number((await query(`SELECT count(*) AS n FROM ${table(dir, 'aws_vpcflow')}`))[0]!['n'])).toBe(6);
  });
});
