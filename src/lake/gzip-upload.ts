import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** S3's smallest part (but the last): what is held per open file before it goes out. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** Text is handed to gzip in blocks, not per event: each write to a zlib stream has a fixed cost. */
const TEXT_BLOCK_CHARS = 64 * 1024;

/**
 * One gzip object written to S3 as it is produced. Compressed bytes go out as multipart parts
 * once there are enough for one, so a file costs at most one part in memory however large it
 * grows; a file that stays under one part is a single PutObject.
 */
export class GzipUpload {
  private readonly gzip: Gzip = createGzip();
  private readonly compressed: Buffer[] = [];
  private compressedBytes = 0;
  private text: string[] = [];
  private textChars = 0;
  private uploadId: string | undefined;
  private readonly parts: Array<{ PartNumber: number; ETag: string }> = [];
  private uploadedBytes = 0;
  private failure: Error | undefined;
  /** Uncompressed bytes written so far. */
  rawBytes = 0;

  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    readonly key: string,
    private readonly partBytes = MIN_PART_BYTES,
  ) {
    this.gzip.on('data', (chunk: Buffer) => {
      this.compressed.push(chunk);
      this.compressedBytes += chunk.length;
    });
    this.gzip.on('error', (error) => {
      this.failure = error;
    });
  }

  async write(line: string): Promise<void> {
    this.text.push(line);
    this.textChars += line.length;
    if (this.textChars >= TEXT_BLOCK_CHARS) await this.compressText();
    if (this.compressedBytes >= this.partBytes) await this.uploadPart();
  }

  /** Finishes the file; returns the compressed size. */
  async close(): Promise<number> {
    await this.compressText();
    const ended = once(this.gzip, 'end');
    this.gzip.end();
    await ended;
    this.throwIfFailed();
    if (this.uploadId === undefined) {
      const body = Buffer.concat(this.compressed);
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.key, Body: body, ContentType: 'application/gzip' }));
      return body.length;
    }
    await this.uploadPart(true);
    await this.s3.send(
      new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId, MultipartUpload: { Parts: this.parts } }),
    );
    return this.uploadedBytes;
  }

  /** Drops the file: no partial object is left, and S3 does not keep paying for orphan parts. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    if (this.uploadId !== undefined) {
      await this.s3.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId }));
      this.uploadId = undefined;
    }
  }

  private async compressText(): Promise<void> {
    if (this.textChars === 0) return;
    const block = this.text.join('');
    this.rawBytes += Buffer.byteLength(block);
    this.text = [];
    this.textChars = 0;
    if (!this.gzip.write(block)) await once(this.gzip, 'drain');
    this.throwIfFailed();
  }

  /** Sends what is compressed so far as the next part (even if small, when it is the last). */
  private async uploadPart(last = false): Promise<void> {
    if (this.compressedBytes === 0 && !last) return;
    if (this.uploadId === undefined) {
      const created = await this.s3.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: this.key, ContentType: 'application/gzip' }));
      this.uploadId = created.UploadId;
    }
    const body = Buffer.concat(this.compressed);
    this.compressed.length = 0;
    this.compressedBytes = 0;
    const PartNumber = this.parts.length + 1;
    const result = await this.s3.send(new UploadPartCommand({ Bucket: this.bucket, Key: this.key, UploadId: this.uploadId, PartNumber, Body: body }));
    this.parts.push({ PartNumber, ETag: result.ETag ?? '' });
    this.uploadedBytes += body.length;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
