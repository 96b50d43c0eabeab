import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** Objects copied at most per search, so a runaway range cannot fill the disk. */
const MAX_OBJECTS = 5000;

/**
 * Copies the lake partitions a search reads from S3 into a local directory in the same layout,
 * so DuckDB (which has no S3 access here) can query them. Used on a laptop and in tests, where
 * the lake lives in the S3 emulator; in AWS, Athena reads S3 itself.
 */
export async function snapshotPartitions(s3: S3Client, bucket: string, partitions: readonly string[], into: string): Promise<number> {
  let copied = 0;
  for (const partition of partitions) {
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${partition.replace(/\/$/, '')}/`, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (!object.Key || copied >= MAX_OBJECTS) continue;
        const body = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.Key }));
        const target = join(into, object.Key);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, await body.Body!.transformToByteArray());
        copied += 1;
      }
      token = page.NextContinuationToken;
    } while (token);
  }
  return copied;
}

/** Copies single objects (a compacted hour's marker) into the scratch lake; one that is gone is skipped, as a partition with no files is. */
export async function snapshotObjects(s3: S3Client, bucket: string, keys: readonly string[], into: string): Promise<void> {
  for (const key of keys) {
    let body: Uint8Array;
    try {
      body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') continue;
      throw error;
    }
    const target = join(into, key);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, body);
  }
}
