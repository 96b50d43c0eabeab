import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import type { LocalStack } from '../../src/local/local-stack';

/** Every JSON line of the lake objects under a prefix (logs/… or quarantine/…), parsed. */
export async function lakeLines(stack: LocalStack, prefix: string): Promise<Array<Record<string, unknown>>> {
  const listed = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: stack.runtime.buckets.lake, Prefix: prefix }));
  const texts = await Promise.all(
    (listed.Contents ?? []).map(async (object) => {
      const result = await stack.clients.s3.send(new GetObjectCommand({ Bucket: stack.runtime.buckets.lake, Key: object.Key! }));
      return gunzipSync(Buffer.from(await result.Body!.transformToByteArray())).toString('utf8');
    }),
  );
  return texts.flatMap((text) => text.split('\n').filter((line) => line.trim() !== '')).map((line) => JSON.parse(line) as Record<string, unknown>);
}
