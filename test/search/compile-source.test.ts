import { DateTime } from 'luxon';
import { ProwlError } from '../../src/errors';
import { compileSearch } from '../../src/search/search';
import { athenaTarget, compileFor } from './helpers/compile';
import { testCatalog } from './helpers/plan';

describe('compiled sources and ranges', () => {
  it('reads only the DuckDB partition directories in range that exist', () => {
    const seen: string[] = [];
    const compiled = compileFor('duckdb', 'AWS.CloudTrail since 2024-05-01T22:00 until 2024-05-02T01:00', {
      dialect: 'duckdb',
      lakeDir: '/data/lake/',
      partitionExists: (dir) => seen.push(dir) > 0 && !dir.endsWith('hour=23'),
    });
    expect(seen).toEqual([
      'logs/aws_cloudtrail/year=2024/month=05/day=01/hour=22',
      'logs/aws_cloudtrail/year=2024/month=05/day=01/hour=23',
      'logs/aws_cloudtrail/year=2024/month=05/day=02/hour=00',
    ]);
    expect(compiled.sql).toContain(
      "read_json([\n    '/data/lake/logs/aws_cloudtrail/year=2024/month=05/day=01/hour=22/*.json.gz',\n    '/data/lake/logs/aws_cloudtrail/year=2024/month=05/day=02/hour=00/*.json.gz'\n  ], format = 'newline_delimited', records = true",
    );
    expect(compiled.empty).toBeUndefined();
  });

  it('marks a DuckDB search with no partitions as empty but still valid SQL', () => {
    const compiled = compileFor('duckdb', 'AWS.CloudTrail', { dialect: 'duckdb', lakeDir: '/lake', partitionExists: () => false });
    expect(compiled.empty).toBe(true);
    expect(compiled.sql).toContain('FROM (SELECT CAST(NULL AS VARCHAR) AS "p_event_time", CAST(NULL AS VARCHAR[]) AS "p_any_aws_arns"');
  });

  it('declares only the top-level fields the search shows or filters on', () => {
    const compiled = compileFor('duckdb', 'AWS.CloudTrail userIdentity.arn=x errorCode!=y fields eventName');
    expect(compiled.sql).toContain(
      "columns = {'p_event_time': 'VARCHAR', 'eventName': 'JSON', 'p_row_id': 'JSON', 'userIdentity': 'JSON', 'errorCode': 'JSON'}",
    );
  });

  it('always has partition predicates and the p_event_time range, in both dialects', () => {
    for (const dialect of ['duckdb', 'athena'] as const) {
      const compiled = compileFor(dialect, 'AWS.CloudTrail last 3h');
      const column = (name: string): string => (dialect === 'duckdb' ? `e."${name}"` : `"${name}"`);
      expect(compiled.sql).toContain(
        `WHERE ((${column('year')} = 2024 AND ${column('month')} = 5 AND ${column('day')} = 2 AND ${column('hour')} BETWEEN 7 AND 10))`,
      );
      expect(compiled.params.slice(0, 2)).toEqual(['2024-05-02T07:30:00.000Z', '2024-05-02T10:30:00.000Z']);
    }
  });

  it('leaves the hour out of whole days in the partition predicate', () => {
    const compiled = compileFor('athena', 'AWS.CloudTrail since 2024-04-29T12:00 until 2024-05-01T06:00');
    expect(compiled.sql).toContain(
      '("year" = 2024 AND "month" = 4 AND "day" = 29 AND "hour" BETWEEN 12 AND 23)\n    OR ("year" = 2024 AND "month" = 4 AND "day" = 30)\n    OR ("year" = 2024 AND "month" = 5 AND "day" = 1 AND "hour" BETWEEN 0 AND 5)',
    );
  });

  it('reads the Glue table of the log type in the configured database', () => {
    const compiled = compileFor('athena', 'AWS.CloudTrail');
    expect(compiled.sql).toContain('FROM "prowl"."aws_cloudtrail"\nWHERE');
    expect(compiled.sql).toMatch(/ORDER BY "p_event_time" DESC, "p_row_id" DESC\nLIMIT 1000$/);
  });

  it('reads compacted hours from the Parquet Glue table and the others from the JSON one on Athena, never both', () => {
    const compacted = (table: string, hour: DateTime): boolean => table === 'aws_cloudtrail' && hour < DateTime.fromISO('2024-05-02T06:00:00Z');
    const compiled = compileFor('athena', 'AWS.CloudTrail eventName=X', { dialect: 'athena', database: 'prowl', compactedHour: compacted });
    const [json, parquet] = compiled.sql.replace(/^SELECT \* FROM \(\n/, '').split('\nUNION ALL\n');
    expect(json).toContain('FROM "prowl"."aws_cloudtrail"\nWHERE (("year" = 2024 AND "month" = 5 AND "day" = 2 AND "hour" BETWEEN 6 AND 10))');
    expect(parquet).toContain(
      'FROM "prowl"."aws_cloudtrail_parquet"\nWHERE (("year" = 2024 AND "month" = 5 AND "day" = 1 AND "hour" BETWEEN 10 AND 23)\n    OR ("year" = 2024 AND "month" = 5 AND "day" = 2 AND "hour" BETWEEN 0 AND 5))',
    );
    expect(compiled.sql).toMatch(/ORDER BY "p_event_time" DESC, "p_row_id" DESC\nLIMIT 1000$/);
    expect(compiled.sql.match(/\?/g)).toHaveLength(compiled.params.length);
    expect(compiled.params).toEqual(['2024-05-01T10:30:00.000Z', '2024-05-02T10:30:00.000Z', 'X', '2024-05-01T10:30:00.000Z', '2024-05-02T10:30:00.000Z', 'X']);
  });

  it('reads a compacted hour from its one Parquet file on DuckDB, and the other hours from JSON', () => {
    const compiled = compileFor('duckdb', 'AWS.CloudTrail since 2024-05-01T22:00 until 2024-05-02T00:00', {
      dialect: 'duckdb',
      lakeDir: '/lake',
      partitionExists: () => true,
      compactedHour: (_table, hour) => hour.hour === 22,
    });
    expect(compiled.sql).toContain("read_json([\n    '/lake/logs/aws_cloudtrail/year=2024/month=05/day=01/hour=23/*.json.gz'\n  ]");
    expect(compiled.sql).toContain(
      'UNION ALL\n  SELECT "p_event_time", "p_any_aws_arns", "p_any_ip_addresses", "p_row_id", "year", "month", "day", "hour" FROM read_parquet([\n    \'/lake/parquet/aws_cloudtrail/year=2024/month=05/day=01/hour=22/aws_cloudtrail-2024050122.parquet\'\n  ]',
    );
    expect(compiled.reads).toEqual({
      jsonDirectories: ['/lake/logs/aws_cloudtrail/year=2024/month=05/day=01/hour=23'],
      parquetFiles: ['/lake/parquet/aws_cloudtrail/year=2024/month=05/day=01/hour=22/aws_cloudtrail-2024050122.parquet'],
      columns: ['p_event_time', 'p_any_aws_arns', 'p_any_ip_addresses', 'p_row_id'],
    });
  });

  it('unions one SELECT per log type for any on Athena, binding the values for each', () => {
    const compiled = compileFor('athena', 'any ip=1.2.3.4');
    expect(compiled.sql).toMatch(/^SELECT \* FROM \(\nSELECT .*FROM "prowl"\."aws_cloudtrail".*\nUNION ALL\nSELECT .*FROM "prowl"\."test_flow"/s);
    expect(compiled.sql.match(/\?/g)).toHaveLength(compiled.params.length);
    expect(compiled.params).toEqual([
      '2024-05-01T10:30:00.000Z',
      '2024-05-02T10:30:00.000Z',
      '1.2.3.4',
      '2024-05-01T10:30:00.000Z',
      '2024-05-02T10:30:00.000Z',
      '1.2.3.4',
    ]);
  });

  it('reads every log type’s partitions in one DuckDB source for any', () => {
    const compiled = compileFor('duckdb', 'any ip=1.2.3.4 last 1h');
    expect(compiled.sql).toContain("'/lake/logs/aws_cloudtrail/year=2024/month=05/day=02/hour=10/*.json.gz'");
    expect(compiled.sql).toContain("'/lake/logs/test_flow/year=2024/month=05/day=02/hour=10/*.json.gz'");
  });

  it('names the result columns as the search did', () => {
    expect(compileFor('athena', 'AWS.CloudTrail fields userIdentity.arn').columns).toEqual(['p_event_time', 'userIdentity.arn']);
    expect(compileFor('athena', 'AWS.CloudTrail fields userIdentity.arn').sql).toContain(
      'SELECT "p_event_time" AS "p_event_time", "userIdentity"."arn" AS "userIdentity.arn"',
    );
  });

  it('rejects a relative lake directory or one with glob characters', () => {
    for (const lakeDir of ['lake', '/tmp/lake*']) {
      expect(() => compileFor('duckdb', 'AWS.CloudTrail', { dialect: 'duckdb', lakeDir, partitionExists: () => true })).toThrow(ProwlError);
    }
  });

  it('rejects an Athena database name that is not an identifier', () => {
    expect(() => compileFor('athena', 'AWS.CloudTrail', { dialect: 'athena', database: 'prowl"; DROP' })).toThrow(
      'the Athena database name must be letters, digits, _ or -',
    );
  });
});

describe('compileSearch', () => {
  it('counts the default range back from the now it is given', () => {
    expect(
      compileSearch('AWS.CloudTrail', athenaTarget, { catalog: testCatalog, now: DateTime.fromISO('2024-03-10T12:00:00Z', { zone: 'utc' }) }).range,
    ).toEqual({
      from: '2024-03-09T12:00:00.000Z',
      to: '2024-03-10T12:00:00.000Z',
    });
  });
});
