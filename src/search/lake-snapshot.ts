import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3LakeStorage } from '../lake/lake-storage';

/** Objects copied at most per search, so a runaway range cannot fill the disk. */
const MAX_OBJECTS = 5000;

/**
 * Copies the lake partitions a search reads from S3 into a local directory in the same layout,
 * so DuckDB (which has no S3 access here) can query them. Used on a laptop and in tests, where
 * the lake lives in the S3 emulator; in AWS, Athena reads S3 itself.
 */
export async function snapshotPartitions(s3: S3Client, bucket: string, partitions: readonly string[], into: string): Promise<number> {
  const lake = s3LakeStorage(s3, bucket);
  let copied = 0;
  for (const partition of partitions) {
    for (const object of await lake.list(`${partition.replace(/\/$/, '')}/`)) {
      if (copied >= MAX_OBJECTS) return copied;
      await copyObject(s3, bucket, object.key, into, { optional: false });
      copied += 1;
    }
  }
  return copied;
}

/** Copies single objects (a compacted hour's marker) into the scratch lake; one that is gone is skipped, as a partition with no files is. */
export async function snapshotObjects(s3: S3Client, bucket: string, keys: readonly string[], into: string): Promise<void> {
  for (const key of keys) await copyObject(s3, bucket, key, into, { optional: true });
}

/** One object to its key below `into`; an `optional` one that is not there is skipped. */
async function copyObject(s3: S3Client, bucket: string, key: string, into: string, options: { optional: boolean }): Promise<void> {
  let body: Uint8Array;
  try {
    body = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();
  } catch (error) {
    if (options.optional && (error as { name?: string }).name === 'NoSuchKey') return;
    throw error;
  }
  const target = join(into, key);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, body);
}
