import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { createAwsClients } from '../../src/app/aws-clients';
import { compactClosedHours, compactionTables } from '../../src/lake/compaction';
import { s3LakeStorage } from '../../src/lake/lake-storage';
import { duckDbOverS3Search } from '../../src/search/search-service';
import { cloudTrailEvent, writeLake } from '../search/helpers/lake';
import { testCatalog } from '../search/helpers/plan';

/**
 * Under `npm start` the lake is the S3 emulator's bucket: compaction writes Parquet there, and the
 * Slack search (DuckDB over copies of the partitions) reads compacted hours from it.
 */
describe('compaction of the lake bucket in the S3 emulator', () => {
  const emulators = z.object({ aws: z.url() }).parse(JSON.parse(process.env.PROWL_TEST_EMULATORS ?? 'null'));
  const s3 = createAwsClients({ region: 'us-east-1', endpoints: { s3: emulators.aws } }).s3;
  const bucket = `lake-${randomBytes(4).toString('hex')}`;
  const now = DateTime.fromISO('2024-05-03T00:00:00Z', { zone: 'utc' });

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const dir = mkdtempSync(join(tmpdir(), 'prowl-s3-lake-'));
    writeLake(
      dir,
      ['2024-05-02T06:10:00Z', '2024-05-02T07:20:00Z', '2024-05-02T07:40:00Z', '2024-05-02T09:00:00Z'].map((eventTime, index) =>
        cloudTrailEvent({ eventID: `e${index}`, eventTime, sourceIPAddress: `10.0.0.${index}` }),
      ),
    );
    for (const file of readdirSync(dir, { recursive: true }).map(String)) {
      if (!file.endsWith('.json.gz')) continue;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: relative(dir, join(dir, file)).split(sep).join('/'), Body: readFileSync(join(dir, file)) }));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one Parquet file and a marker per hour, and searches answer the same before and after', async () => {
    const search = duckDbOverS3Search({ s3, bucket, searchCatalog: testCatalog, now: () => now });
    const query = 'AWS.CloudTrail sourceIPAddress=10.0.0.0/8 since 2024-05-02 until 2024-05-03 fields eventID,sourceIPAddress';
    const before = (await search.search(query)).result;
    expect(before.rows.map((row) => row[1])).toEqual(['e3', 'e2', 'e1', 'e0']);

    const summary = await compactClosedHours({ storage: s3LakeStorage(s3, bucket), tables: compactionTables(testCatalog), now, settleMinutes: 60 });
    expect(summary).toMatchObject({ compacted: 3, failed: 0 });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'parquet/' }));
    expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual([
      'parquet/aws_cloudtrail/_compacted/2024-05-02-06',
      'parquet/aws_cloudtrail/_compacted/2024-05-02-07',
      'parquet/aws_cloudtrail/_compacted/2024-05-02-09',
      'parquet/aws_cloudtrail/year=2024/month=05/day=02/hour=06/aws_cloudtrail-2024050206.parquet',
      'parquet/aws_cloudtrail/year=2024/month=05/day=02/hour=07/aws_cloudtrail-2024050207.parquet',
      'parquet/aws_cloudtrail/year=2024/month=05/day=02/hour=09/aws_cloudtrail-2024050209.parquet',
    ]);

    const after = (await search.search(query)).result;
    expect(after.columns).toEqual(before.columns);
    expect(after.rows).toEqual(before.rows);
    expect(after.bytesScanned).toBeGreaterThan(0);
    expect(await compactClosedHours({ storage: s3LakeStorage(s3, bucket), tables: compactionTables(testCatalog), now, settleMinutes: 60 })).toMatchObject({
      compacted: 0,
      upToDate: 3,
    });
  });
});
