import { hourPartition, lakeKey } from '../../src/lake/lake-layout';
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
});
