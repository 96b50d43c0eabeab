import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Streams an object's bytes, gunzipping on the fly when they start with the gzip magic number
 * (whatever the key's extension says: CloudTrail and S3 exports are not consistent about it).
 */
export async function* decompressed(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < GZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    head = Buffer.concat([head, Buffer.from(next.value)]);
  }
  if (head.length === 0) return;

  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield Buffer.from(next.value);
    }
  }

  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* rest();
    return;
  }
  const gunzip = createGunzip();
  // pipeline() forwards a source error into gunzip, so iterating it rethrows instead of hanging.
  pipeline(Readable.from(rest()), gunzip, () => undefined);
  for await (const chunk of gunzip) yield chunk as Buffer;
}
