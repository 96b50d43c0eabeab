/**
 * Streaming JSON framing: records found by scanning bytes (json-scanner.ts) and parsed one slice
 * at a time, so a 1 GB CloudTrail file costs one record's memory, not a gigabyte. The first bytes
 * choose the layout, each with its own state:
 * - a `{"Records":[…]}` document (CloudTrail): json-records-layout.ts;
 * - anything else, a sequence of JSON values (JSON lines, concatenated JSON, one pretty-printed
 *   document): json-values-layout.ts.
 */
import { RecordsLayout } from './json-records-layout';
import { type Candidate, JsonScanner } from './json-scanner';
import { ValuesLayout } from './json-values-layout';

export { type Candidate, clip, MAX_JSON_DEPTH, MAX_RAW_CHARS, MAX_RECORD_BYTES } from './json-scanner';

// Decoded as latin1 (one char per byte), so the UTF-8 byte-order mark is three characters.
const RECORDS_HEAD = /^(\xEF\xBB\xBF)?[ \t\r\n]*\{[ \t\r\n]*"Records"[ \t\r\n]*:[ \t\r\n]*\[/;
const HEAD_BYTES = 4096;

/** The layout the object's first bytes announce, and where its records begin. */
function layoutOf(head: Buffer): { framer: JsonScanner; from: number } {
  const match = RECORDS_HEAD.exec(head.toString('latin1', 0, Math.min(head.length, HEAD_BYTES)));
  if (match) return { framer: new JsonScanner(new RecordsLayout()), from: match[0].length };
  const byteOrderMark = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  return { framer: new JsonScanner(new ValuesLayout()), from: byteOrderMark ? 3 : 0 };
}

/** Reads until enough bytes are in hand to tell a Records document from anything else. */
async function* withHead(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  if (headBytes > 0) yield head.length === 1 ? head[0]! : Buffer.concat(head);
  while (!done) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Candidates from JSON bytes, in order, each with its position; framing failures come back as
 * errors. Yielded a chunk's worth at a time: one await per record would cost more than the
 * record's own parsing.
 */
export async function* jsonCandidateBatches(chunks: AsyncIterable<Buffer>): AsyncGenerator<Candidate[]> {
  let framer: JsonScanner | undefined;
  for await (const chunk of withHead(chunks)) {
    let from = 0;
    if (!framer) ({ framer, from } = layoutOf(chunk));
    const batch = framer.feed(chunk, from);
    if (batch.length > 0) yield batch;
    if (framer.ended) return;
  }
  const last = framer?.end() ?? [];
  if (last.length > 0) yield last;
}

/** The same candidates one at a time. */
export async function* jsonCandidates(chunks: AsyncIterable<Buffer>): AsyncGenerator<Candidate> {
  for await (const batch of jsonCandidateBatches(chunks)) yield* batch;
}
