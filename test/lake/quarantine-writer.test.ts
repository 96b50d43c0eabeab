import type { S3Client } from '@aws-sdk/client-s3';
import { DateTime } from 'luxon';
import { QuarantineWriter, quarantineKey } from '../../src/lake/quarantine';
import { emptyBucket, gzipLines, keysIn } from './lake-bucket';

describe('the quarantine writer', () => {
  let s3: S3Client;
  let bucket: string;
  const now = DateTime.fromISO('2026-11-22T12:00:00Z', { zone: 'utc' });
  beforeEach(async () => {
    ({ s3, bucket } = await emptyBucket());
  });

  it("writes each quarantined line with its source, key, position and reason to the object's quarantine file", async () => {
    const writer = new QuarantineWriter(s3, bucket, 'raw/a.log@1', now);
    await writer.add({ bucket: 'raw', key: 'a.log', position: 3, reason: 'not AWS.ALB: type: expected one of …', raw: 'ftp …' });
    await writer.add({ bucket: 'raw', key: 'a.log', position: 9, reason: 'line longer than 4194304 bytes; not read', raw: 'x' });
    const key = await writer.close();
    expect(key).toBe(quarantineKey('raw/a.log@1', now));
    expect(key).toMatch(/^quarantine\/year=2026\/month=11\/day=22\/[0-9a-f]{32}\.json\.gz$/);
    expect(writer.count).toBe(2);
    expect(await gzipLines(s3, bucket, key!)).toEqual([
      { bucket: 'raw', key: 'a.log', position: 3, reason: 'not AWS.ALB: type: expected one of …', raw: 'ftp …' },
      { bucket: 'raw', key: 'a.log', position: 9, reason: 'line longer than 4194304 bytes; not read', raw: 'x' },
    ]);
  });

  it('writes nothing when nothing was quarantined', async () => {
    const writer = new QuarantineWriter(s3, bucket, 'raw/clean.log@1', now);
    expect(await writer.close()).toBeUndefined();
    expect(await keysIn(s3, bucket)).toEqual([]);
  });
});
