/**
 * Which framing an object needs, decided from its first meaningful byte: JSON starts with `{` or
 * `[`; the line formats (S3 access, ALB, VPC flow) never do. The bytes read to decide are handed
 * on, so nothing is read twice.
 */
export type FramingKind = 'json' | 'lines';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

export async function sniffFraming(chunks: AsyncIterable<Buffer>): Promise<{ kind: FramingKind | 'empty'; chunks: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let kind: FramingKind | undefined;
  while (kind === undefined) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    const chunk = next.value;
    // Skip a UTF-8 byte-order mark at the very start.
    let i = seen.length === 1 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    while (i < chunk.length && WHITESPACE.has(chunk[i]!)) i += 1;
    if (i < chunk.length) kind = chunk[i] === 0x7b || chunk[i] === 0x5b ? 'json' : 'lines';
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* seen;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { kind: kind ?? 'empty', chunks: replay() };
}
