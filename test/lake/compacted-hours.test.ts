import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { compactedHoursIn } from '../../src/lake/compacted-hours';
import { compactedMarkerKey, parquetKey } from '../../src/lake/lake-layout';
import { directoryLakeStorage } from '../../src/lake/lake-storage';

describe('the compacted hours Athena reads from Parquet', () => {
  const hour = (text: string): DateTime => DateTime.fromISO(text, { zone: 'utc' });
  let lakeDir: string;

  beforeEach(() => {
    lakeDir = mkdtempSync(join(tmpdir(), 'prowl-compacted-hours-'));
  });
  afterEach(() => rmSync(lakeDir, { recursive: true, force: true }));

  it('are the hours with a marker, across months, and only for the tables asked about', async () => {
    const storage = directoryLakeStorage(lakeDir);
    for (const [table, text] of [
      ['aws_cloudtrail', '2024-04-30T23:00:00Z'],
      ['aws_cloudtrail', '2024-05-01T00:00:00Z'],
      ['aws_vpcflow', '2024-05-01T01:00:00Z'],
    ] as const) {
      await storage.putText(parquetKey(table, hour(text)), 'parquet');
      await storage.putText(compactedMarkerKey(table, hour(text)), '{}');
    }
    // A Parquet file without its marker is a compaction that did not finish: not compacted.
    await storage.putText(parquetKey('aws_cloudtrail', hour('2024-05-01T02:00:00Z')), 'parquet');

    const compacted = await compactedHoursIn(storage, ['aws_cloudtrail'], { from: hour('2024-04-30T20:00:00Z'), to: hour('2024-05-01T04:00:00Z') });
    expect(compacted('aws_cloudtrail', hour('2024-04-30T23:00:00Z'))).toBe(true);
    expect(compacted('aws_cloudtrail', hour('2024-05-01T00:00:00Z'))).toBe(true);
    expect(compacted('aws_cloudtrail', hour('2024-05-01T02:00:00Z'))).toBe(false);
    expect(compacted('aws_cloudtrail', hour('2024-05-01T03:00:00Z'))).toBe(false);
    expect(compacted('aws_vpcflow', hour('2024-05-01T01:00:00Z'))).toBe(false);
  });

  it("lists markers from the range on, not the table's whole history", async () => {
    const storage = directoryLakeStorage(lakeDir);
    for (const text of ['2024-03-01T05:00:00Z', '2024-04-30T19:00:00Z', '2024-04-30T20:00:00Z', '2024-05-01T03:00:00Z']) {
      await storage.putText(compactedMarkerKey('aws_cloudtrail', hour(text)), '{}');
    }
    const listed: string[] = [];
    const counting = {
      ...storage,
      list: async (prefix: string, options?: { startAfter?: string }) => {
        const objects = await storage.list(prefix, options);
        listed.push(...objects.map((object) => object.key));
        return objects;
      },
    };

    const compacted = await compactedHoursIn(counting, ['aws_cloudtrail'], { from: hour('2024-04-30T20:00:00Z'), to: hour('2024-05-01T04:00:00Z') });
    expect(compacted('aws_cloudtrail', hour('2024-04-30T20:00:00Z'))).toBe(true);
    expect(compacted('aws_cloudtrail', hour('2024-05-01T03:00:00Z'))).toBe(true);
    expect(compacted('aws_cloudtrail', hour('2024-04-30T19:00:00Z'))).toBe(false);
    expect(listed.sort()).toEqual([
      compactedMarkerKey('aws_cloudtrail', hour('2024-04-30T20:00:00Z')),
      compactedMarkerKey('aws_cloudtrail', hour('2024-05-01T03:00:00Z')),
    ]);
  });
});
