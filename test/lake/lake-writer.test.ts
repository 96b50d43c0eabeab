import { randomBytes } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { LakeWriter } from '../../src/lake/lake-writer';
import { lakeKey } from '../../src/lake/lake-layout';
import { MIN_PART_BYTES } from '../../src/lake/gzip-upload';
import type { NormalizedEvent } from '../../src/logs/log-type';
import { emptyBucket, gzipLines, keysIn } from './lake-bucket';

function event(logType: string, eventTime: string, fields: Record<string, unknown> = {}): NormalizedEvent {
  return {
    ...fields,
    p_log_type: logType,
    p_row_id: randomBytes(16).toString('hex'),
    p_event_time: eventTime,
    p_parse_time: '2026-11-22T12:00:00.000Z',
    p_source_id: 's',
    p_source_label: 'l',
  };
}

describe('the lake writer', () => {
  let s3: S3Client;
  let bucket: string;
  beforeEach(async () => {
    ({ s3, bucket } = await emptyBucket());
  });

  async function writeAll(objectId: string, events: NormalizedEvent[], options: { maxOpenFiles?: number } = {}): Promise<string[]> {
    const writer = new LakeWriter({ s3, bucket, objectId, ...options });
    for (const item of events) await writer.write(item);
    return (await writer.close()).map((file) => file.key);
  }

  it('writes one gzip NDJSON file per log type and event hour, with the events in order', async () => {
    const events = [
      event('AWS.CloudTrail', '2026-11-22T10:05:00.000Z', { n: 1 }),
      event('AWS.CloudTrail', '2026-11-22T11:01:00.000Z', { n: 2 }),
      event('AWS.CloudTrail', '2026-11-22T10:59:59.999Z', { n: 3 }),
      event('AWS.CloudTrailDigest', '2026-11-22T10:42:11.000Z', { n: 4 }),
    ];
    const written = await writeAll('raw/a.json.gz@1', events);
    const tenOClock = lakeKey('AWS.CloudTrail', '2026-11-22T10:00:00.000Z', 'raw/a.json.gz@1');
    expect(written.sort()).toEqual(
      [
        tenOClock,
        lakeKey('AWS.CloudTrail', '2026-11-22T11:00:00.000Z', 'raw/a.json.gz@1'),
        lakeKey('AWS.CloudTrailDigest', '2026-11-22T10:00:00.000Z', 'raw/a.json.gz@1'),
      ].sort(),
    );
    expect(await keysIn(s3, bucket)).toEqual(written.sort());
    expect((await gzipLines(s3, bucket, tenOClock)).map((line) => line['n'])).toEqual([1, 3]);
  });

  it('overwrites the same files when the same object is written again', async () => {
    const events = [event('AWS.ALB', '2026-11-22T10:15:00.000Z', { n: 1 }), event('AWS.ALB', '2026-11-22T10:16:00.000Z', { n: 2 })];
    const first = await writeAll('raw/alb.log@1', events);
    const again = await writeAll('raw/alb.log@1', events);
    expect(again).toEqual(first);
    expect(await keysIn(s3, bucket)).toEqual(first);
    expect(await gzipLines(s3, bucket, first[0]!)).toHaveLength(2);
  });

  it('streams a file larger than one part as a multipart upload that reads back whole', async () => {
    // Random text barely compresses, so this passes the 5 MB part size.
    const events = Array.from({ length: 90 }, (_, n) =>
      event('AWS.VPCFlow', '2026-11-22T10:00:00.000Z', { n, noise: randomBytes(64 * 1024).toString('base64') }),
    );
    const writer = new LakeWriter({ s3, bucket, objectId: 'raw/big.log@1' });
    for (const item of events) await writer.write(item);
    const [file] = await writer.close();
    expect(file!.bytes).toBeGreaterThan(MIN_PART_BYTES);
    expect((await gzipLines(s3, bucket, file!.key)).map((line) => line['n'])).toEqual(events.map((_, n) => n));
  });

  it('aborts its unfinished uploads and leaves no file behind when the object fails part-way', async () => {
    const sent: string[] = [];
    s3.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    const writer = new LakeWriter({ s3, bucket, objectId: 'raw/broken.log@1' });
    for (let n = 0; n < 90; n++) await writer.write(event('AWS.VPCFlow', '2026-11-22T10:00:00.000Z', { n, noise: randomBytes(64 * 1024).toString('base64') }));
    await writer.abort();
    expect(sent).toContain('UploadPartCommand');
    expect(sent).toContain('AbortMultipartUploadCommand');
    expect(sent).not.toContain('CompleteMultipartUploadCommand');
    expect(await keysIn(s3, bucket)).toEqual([]);
  });

  it('finishes the least recently written file when too many are open, and keeps every event', async () => {
    const hours = ['10', '11', '12', '10'];
    const written = await writeAll(
      'raw/backfill.log@1',
      hours.map((hour, n) => event('AWS.VPCFlow', `2026-11-22T${hour}:00:00.000Z`, { n })),
      { maxOpenFiles: 2 },
    );
    const first = lakeKey('AWS.VPCFlow', '2026-11-22T10:00:00.000Z', 'raw/backfill.log@1');
    expect(written).toEqual([
      first,
      lakeKey('AWS.VPCFlow', '2026-11-22T11:00:00.000Z', 'raw/backfill.log@1'),
      lakeKey('AWS.VPCFlow', '2026-11-22T12:00:00.000Z', 'raw/backfill.log@1'),
      first.replace('.json.gz', '-1.json.gz'),
    ]);
    expect((await gzipLines(s3, bucket, first.replace('.json.gz', '-1.json.gz'))).map((line) => line['n'])).toEqual([3]);
  });
});
