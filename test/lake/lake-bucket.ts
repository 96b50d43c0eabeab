import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { createAwsClients } from '../../src/app/aws-clients';

/** A fresh bucket in the shared S3 emulator, so each test file sees only its own objects. */
export async function emptyBucket(): Promise<{ s3: S3Client; bucket: string }> {
  const endpoints = z.object({ aws: z.url() }).parse(JSON.parse(process.env.PROWL_TEST_EMULATORS ?? 'null'));
  const { s3 } = createAwsClients({ region: 'us-east-1', endpoints: { s3: endpoints.aws } });
  const bucket = `lake-test-${randomBytes(4).toString('hex')}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  return { s3, bucket };
}

export async function keysIn(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!).sort();
}

/** The JSON lines of a gzip NDJSON object. */
export async function gzipLines(s3: S3Client, bucket: string, key: string): Promise<Array<Record<string, unknown>>> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = gunzipSync(Buffer.from(await object.Body!.transformToByteArray())).toString('utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
