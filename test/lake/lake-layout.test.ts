import { compactedMarkerKey, hourPartition, jsonHourPrefix, lakeKey, parquetHourPrefix, parquetTableName } from '../../src/lake/lake-layout';
import { objectFileName } from '../../src/lake/quarantine';

describe('the lake layout', () => {
  it("files events under their log type's table and their own UTC hour", () => {
    expect(hourPartition('2026-11-22T09:59:59.999Z')).toBe('year=2026/month=11/day=22/hour=09');
    expect(lakeKey('AWS.CloudTrail', '2026-11-22T10:00:00.000Z', 'raw/AWSLogs/a.json.gz@etag')).toBe(
      `logs/aws_cloudtrail/year=2026/month=11/day=22/hour=10/${objectFileName('raw/AWSLogs/a.json.gz@etag')}.json.gz`,
    );
  });

  it('names files after the source object, so the same object always lands on the same keys', () => {
    const first = lakeKey('AWS.VPCFlow', '2026-11-22T10:00:00.000Z', 'raw/vpc/1.log@v1');
    expect(lakeKey('AWS.VPCFlow', '2026-11-22T10:30:00.000Z', 'raw/vpc/1.log@v1')).toBe(first);
    expect(lakeKey('AWS.VPCFlow', '2026-11-22T10:00:00.000Z', 'raw/vpc/1.log@v2')).not.toBe(first);
    expect(lakeKey('AWS.VPCFlow', '2026-11-22T10:00:00.000Z', 'raw/vpc/1.log@v1', 1)).toBe(first.replace('.json.gz', '-1.json.gz'));
  });

  it('keeps compacted hours in the same partitions under parquet/, with one marker per hour listed in time order', () => {
    const hour = '2026-11-22T09:00:00.000Z';
    expect(jsonHourPrefix('aws_cloudtrail', hour)).toBe('logs/aws_cloudtrail/year=2026/month=11/day=22/hour=09/');
    expect(parquetHourPrefix('aws_cloudtrail', hour)).toBe('parquet/aws_cloudtrail/year=2026/month=11/day=22/hour=09/');
    expect(parquetTableName('aws_cloudtrail')).toBe('aws_cloudtrail_parquet');
    expect(compactedMarkerKey('aws_cloudtrail', hour)).toBe('parquet/aws_cloudtrail/_compacted/2026-11-22-09');
    // Outside every partition directory, so no query reads a marker as data.
    expect(compactedMarkerKey('aws_cloudtrail', hour).startsWith(parquetHourPrefix('aws_cloudtrail', hour))).toBe(false);
    const later = compactedMarkerKey('aws_cloudtrail', '2026-11-22T10:00:00.000Z');
    expect([later, compactedMarkerKey('aws_cloudtrail', hour)].sort()[0]).toBe(compactedMarkerKey('aws_cloudtrail', hour));
  });
});
