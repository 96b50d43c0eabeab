import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DateTime } from 'luxon';
import { GzipUpload } from './gzip-upload';

const gzipAsync = promisify(gzip);

export interface QuarantinedLine {
  bucket: string;
  key: string;
  position: number;
  reason: string;
  raw: string;
}

/** A name derived from the source object, so a retry overwrites its quarantine file instead of adding one. */
export function objectFileName(objectId: string): string {
  return createHash('sha256').update(objectId).digest('hex').slice(0, 32);
}

/** quarantine/year=YYYY/month=MM/day=DD/<name>.json.gz, one JSON line per rejected record. */
export function quarantineKey(objectId: string, now: DateTime): string {
  return `quarantine/${now.toUTC().toFormat("'year='yyyy/'month='LL/'day='dd")}/${objectFileName(objectId)}.json.gz`;
}

export async function writeQuarantine(s3: S3Client, bucket: string, objectId: string, lines: QuarantinedLine[], now: DateTime): Promise<string | undefined> {
  if (lines.length === 0) return undefined;
  const key = quarantineKey(objectId, now);
  const body = await gzipAsync(`${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/x-ndjson', ContentEncoding: 'gzip' }));
  return key;
}

/**
 * Streams an object's quarantined lines to its quarantine file as they come, so an object that is
 * all garbage costs no more memory than a clean one. Nothing is written when nothing is added.
 */
export class QuarantineWriter {
  private upload: GzipUpload | undefined;
  count = 0;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly objectId: string,
    private readonly now: DateTime,
  ) {}

  async add(line: QuarantinedLine): Promise<void> {
    this.upload ??= new GzipUpload(this.s3, this.bucket, quarantineKey(this.objectId, this.now));
    this.count += 1;
    await this.upload.write(`${JSON.stringify(line)}\n`);
  }

  /** The quarantine file's key, or undefined when nothing was quarantined. */
  async close(): Promise<string | undefined> {
    if (!this.upload) return undefined;
    await this.upload.close();
    return this.upload.key;
  }

  async abort(): Promise<void> {
    await this.upload?.abort();
  }
}
