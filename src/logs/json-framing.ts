/**
 * Streaming JSON framing. Finds where each record starts and ends by scanning bytes (only
 * quotes, backslashes, brackets and newlines matter), then hands each record's slice to
 * JSON.parse, which is far faster than any tokenizer written in JavaScript. Only the record being
 * scanned is held, so a 1 GB CloudTrail file costs one record's memory, not a gigabyte.
 *
 * Two layouts:
 * - a `{"Records":[…]}` document (CloudTrail): each element of Records is a record, position =
 *   its 1-based index;
 * - anything else: a sequence of JSON values (JSON lines, concatenated JSON, one pretty-printed
 *   document), position = the line the value starts on. A value that is itself a Records
 *   document is opened up. Once the first value has fit on one line the object is taken to be
 *   JSON lines, and a line that ends inside a record costs that line only; in a pretty-printed
 *   object a value that fails to parse is read again line by line, so one truncated line never
 *   takes the rest of the object with it.
 */

export type Candidate = { position: number; value: unknown; raw: string } | { position: number; error: string; raw: string };

/** Records longer than this are quarantined unread: nothing AWS writes comes close (CloudTrail caps events at 256 KB). */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/**
 * Records nested deeper than this are quarantined unread. Everything after parsing (normalizing,
 * detections, JSON.stringify for the lake and the alert store) walks records recursively, and a
 * record thousands of levels deep would overflow the stack and fail the whole object; real log
 * records stay within a few dozen levels.
 */
export const MAX_JSON_DEPTH = 128;
/** How much of a rejected record's text is kept for the quarantine file. */
export const MAX_RAW_CHARS = 64 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;

// Decoded as latin1 (one char per byte), so the UTF-8 byte-order mark is three characters.
const RECORDS_HEAD = /^(\xEF\xBB\xBF)?[ \t\r\n]*\{[ \t\r\n]*"Records"[ \t\r\n]*:[ \t\r\n]*\[/;
const HEAD_BYTES = 4096;

export function clip(text: string): string {
  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…(truncated)` : text;
}

/** How many backslashes come right before `at`, looking no further back than `limit`. */
function backslashesBefore(chunk: Buffer, at: number, limit: number): number {
  let k = at - 1;
  while (k >= limit && chunk[k] === BACKSLASH) k -= 1;
  return at - 1 - k;
}

function isRecordsDocument(value: unknown): value is { Records: unknown[] } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { Records?: unknown }).Records);
}

function parseRecord(position: number, text: string): Candidate {
  try {
    return { position, value: JSON.parse(text) as unknown, raw: text };
  } catch (error) {
    return { position, error: `not JSON: ${(error as Error).message}`, raw: clip(text.trim()) };
  }
}

/** Whether JSON text opens more than MAX_JSON_DEPTH brackets at once (the framer counts as it scans; this is for text it hands on unscanned). */
function tooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
  }
  return false;
}

/** The fallback for a multi-line value that did not parse: each of its lines on its own. */
function linesOf(text: string, firstLine: number): Candidate[] {
  const found: Candidate[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (tooDeep(trimmed))
      found.push({ position: firstLine + index, error: `record nested deeper than ${MAX_JSON_DEPTH} levels; not read`, raw: clip(trimmed) });
    else found.push(parseRecord(firstLine + index, trimmed));
  });
  return found;
}

/**
 * Scanner state survives between chunks, so a record may be split anywhere, even inside a
 * multi-byte character (only ASCII bytes are looked at, and UTF-8 never uses them inside one).
 */
export class JsonFramer {
  private records = false;
  private recordsClosed = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Records mode: an element that is a number or literal, ended by a delimiter. */
  private scalar = false;
  private inValue = false;
  /** Values mode: a line that does not start a JSON value, read to its end. */
  private junk = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private oversized = false;
  /** The current record went deeper than MAX_JSON_DEPTH. */
  private tooDeep = false;
  private line = 1;
  private valueLine = 1;
  private spansLines = false;
  private lineMode: boolean | undefined;
  private recordIndex = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private start = -1;
  /** Where the next newline of the current chunk is (its length when there is none), found lazily. */
  private nextNewline = -1;
  private out: Candidate[] = [];

  /** True once a Records array has closed: the rest of the object is the document's closing brace. */
  get finished(): boolean {
    return this.recordsClosed;
  }

  feed(chunk: Buffer, first: boolean): Candidate[] {
    this.out = [];
    this.chunk = chunk;
    this.nextNewline = -1;
    const n = chunk.length;
    let i = 0;
    if (first) {
      const match = RECORDS_HEAD.exec(chunk.toString('latin1', 0, Math.min(n, HEAD_BYTES)));
      if (match) {
        this.records = true;
        i = match[0].length;
      } else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        i = 3;
      }
    }
    this.start = this.inValue || this.junk ? 0 : -1;
    while (i < n && !this.recordsClosed) {
      if (this.junk) i = this.scanJunk(i);
      else if (this.inString) i = this.scanString(i);
      else if (this.scalar) i = this.scanScalar(i);
      else i = this.scanStructure(i);
    }
    this.keepUnfinished();
    return this.out;
  }

  end(): Candidate[] {
    this.out = [];
    if (this.junk) {
      this.out.push({ position: this.valueLine, error: 'not JSON: a record starts with { or [', raw: clip(Buffer.concat(this.parts).toString('utf8').trim()) });
    } else if (this.inValue) {
      const text = this.oversized ? '' : Buffer.concat(this.parts).toString('utf8');
      if (this.records && this.scalar) this.out.push(parseRecord(this.recordIndex, text));
      else if (this.records) this.out.push({ position: this.recordIndex, error: 'the object ends inside this record: the file is truncated', raw: clip(text) });
      else if (this.spansLines && this.lineMode !== true && !this.oversized) this.out.push(...linesOf(text, this.valueLine));
      else this.out.push({ position: this.valueLine, error: 'not JSON: the object ends inside this record', raw: clip(text.trim()) });
    } else if (this.records && !this.recordsClosed) {
      this.out.push({ position: this.recordIndex + 1, error: 'the Records array never closes: the file is truncated', raw: '' });
    }
    this.parts = [];
    return this.out;
  }

  /** Outside strings: brackets set the depth; at depth 0 they start and end records. */
  private scanStructure(from: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let depth = this.depth;
    let i = from;
    for (; i < n; i++) {
      const byte = chunk[i]!;
      if (byte === QUOTE) {
        if (depth === 0) {
          if (!this.records) break; // a bare string is no record: junk, handled below
          this.startValue(i);
        }
        this.depth = depth;
        this.inString = true;
        return i + 1;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (depth === 0) this.startValue(i);
        depth += 1;
        if (depth > MAX_JSON_DEPTH) this.tooDeep = true;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth === 0) {
          if (this.records && byte === CLOSE_BRACKET) {
            this.recordsClosed = true;
            this.depth = 0;
            return n;
          }
          if (!this.records) break;
          // A stray brace between records: an element of its own, which will not parse.
          this.startValue(i);
          this.scalar = true;
          this.depth = 0;
          return i + 1;
        }
        depth -= 1;
        if (depth === 0) {
          this.depth = 0;
          this.finishValue(i + 1);
        }
      } else if (byte === NEWLINE) {
        this.line += 1;
        if (this.inValue) {
          if (!this.records && this.lineMode === true) {
            this.depth = 0;
            this.breakValue(i, 'the line ends inside a record');
            depth = 0;
            continue;
          }
          this.spansLines = true;
        }
      } else if (byte === SPACE || byte === TAB || byte === CR || (byte === COMMA && (depth > 0 || this.records))) {
        // separators and whitespace
      } else if (depth === 0) {
        if (!this.records) break;
        this.startValue(i);
        this.scalar = true;
        this.depth = 0;
        return i + 1;
      }
    }
    this.depth = depth;
    if (i < n) {
      // Values mode, depth 0, a byte that cannot start a JSON object or array.
      this.junk = true;
      this.start = i;
      this.valueLine = this.line;
    }
    return i;
  }

  /**
   * Inside a string: jumps from quote to quote with indexOf, which is native and several times
   * faster than a byte loop over the long strings CloudTrail is made of. A quote after an odd
   * run of backslashes is escaped.
   */
  private scanString(from: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let i = from;
    // An escape never covers a raw newline: that is a broken record, seen as such below.
    if (this.escaped) {
      this.escaped = false;
      if (i < n && chunk[i] !== NEWLINE) i += 1;
    }
    const segmentStart = i;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, i);
      const end = quote === -1 ? n : quote;
      if (this.nextNewline < i) {
        const newline = chunk.indexOf(NEWLINE, i);
        this.nextNewline = newline === -1 ? n : newline;
      }
      if (this.nextNewline < end) {
        // JSON strings never hold a raw newline: the record is broken.
        const at = this.nextNewline;
        this.line += 1;
        if (!this.records) {
          this.breakValue(at, 'the line ends inside a string');
          return at + 1;
        }
        i = at + 1;
        continue;
      }
      if (quote === -1) {
        // An odd run of backslashes at the end escapes the next chunk's first byte.
        this.escaped = backslashesBefore(chunk, n, segmentStart) % 2 === 1;
        return n;
      }
      if (backslashesBefore(chunk, quote, segmentStart) % 2 === 0) {
        this.inString = false;
        if (this.depth === 0) this.finishValue(quote + 1); // a string element of Records
        return quote + 1;
      }
      i = quote + 1;
    }
  }

  private scanScalar(from: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const byte = chunk[i]!;
      if (byte === COMMA || byte === CLOSE_BRACKET || byte === SPACE || byte === NEWLINE || byte === TAB || byte === CR) {
        this.finishValue(i);
        return i; // the delimiter is read again at array level
      }
    }
    return n;
  }

  private scanJunk(from: number): number {
    const newline = this.chunk.indexOf(NEWLINE, from);
    if (newline === -1) return this.chunk.length;
    const text = this.textUpTo(newline);
    this.out.push({ position: this.valueLine, error: 'not JSON: a record starts with { or [', raw: clip(text.trim()) });
    this.reset();
    this.line += 1;
    return newline + 1;
  }

  private startValue(at: number): void {
    this.inValue = true;
    this.start = at;
    this.valueLine = this.line;
    this.spansLines = false;
    if (this.records) this.recordIndex += 1;
  }

  private textUpTo(end: number): string {
    if (this.parts.length === 0) return this.chunk.toString('utf8', this.start, end);
    this.parts.push(this.chunk.subarray(this.start, end));
    return Buffer.concat(this.parts).toString('utf8');
  }

  private finishValue(end: number): void {
    if (this.oversized || this.partBytes + (end - this.start) > MAX_RECORD_BYTES) {
      this.out.push({ position: this.records ? this.recordIndex : this.valueLine, error: `record longer than ${MAX_RECORD_BYTES} bytes; not read`, raw: '' });
    } else if (this.tooDeep) {
      this.out.push({
        position: this.records ? this.recordIndex : this.valueLine,
        error: `record nested deeper than ${MAX_JSON_DEPTH} levels; not read`,
        raw: clip(this.textUpTo(end)),
      });
    } else if (this.records) {
      this.out.push(parseRecord(this.recordIndex, this.textUpTo(end)));
    } else {
      this.pushValue(this.textUpTo(end));
    }
    if (!this.records && this.lineMode === undefined) this.lineMode = !this.spansLines;
    this.reset();
  }

  /** Values mode: a value is a record, or a Records document to open up; a broken multi-line value is read again by lines. */
  private pushValue(text: string): void {
    const candidate = parseRecord(this.valueLine, text);
    if ('error' in candidate) {
      if (this.spansLines && this.lineMode !== true) this.out.push(...linesOf(text, this.valueLine));
      else this.out.push(candidate);
    } else if (isRecordsDocument(candidate.value)) {
      candidate.value.Records.forEach((record, index) =>
        this.out.push({ position: index + 1, value: record, raw: clip(JSON.stringify(record) ?? String(record)) }),
      );
    } else {
      this.out.push(candidate);
    }
  }

  /** JSON lines: the line ended inside a value, so that line is broken; pick up at the next one. */
  private breakValue(at: number, why: string): void {
    const text = this.oversized ? '' : this.textUpTo(at);
    this.out.push({ position: this.valueLine, error: `not JSON: ${why}`, raw: clip(text.trim()) });
    this.reset();
  }

  private reset(): void {
    this.parts = [];
    this.partBytes = 0;
    this.oversized = false;
    this.tooDeep = false;
    this.inValue = false;
    this.inString = false;
    this.escaped = false;
    this.scalar = false;
    this.junk = false;
    this.depth = 0;
    this.start = -1;
  }

  /** Keeps the unfinished record's bytes for the next chunk, until it is too long to be a record. */
  private keepUnfinished(): void {
    if (!(this.inValue || this.junk) || this.start < 0 || this.start >= this.chunk.length || this.oversized) return;
    const limit = this.junk ? MAX_RAW_CHARS : MAX_RECORD_BYTES;
    if (this.partBytes > limit) return; // junk past the limit: its start is kept, the rest dropped
    // Copied, not sliced: a slice would pin the whole decompressed chunk until the record ends.
    this.parts.push(Buffer.from(this.chunk.subarray(this.start)));
    this.partBytes += this.chunk.length - this.start;
    if (this.partBytes > limit && !this.junk) {
      this.oversized = true;
      this.parts = [];
    }
  }
}

/** Reads until enough bytes are in hand to tell a Records document from anything else. */
async function* withHead(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ first: boolean; chunk: Buffer }> {
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
  if (headBytes > 0) yield { first: true, chunk: head.length === 1 ? head[0]! : Buffer.concat(head) };
  while (!done) {
    const next = await iterator.next();
    if (next.done) return;
    yield { first: false, chunk: next.value };
  }
}

/**
 * Candidates from JSON bytes, in order, each with its position; framing failures come back as
 * errors. Yielded a chunk's worth at a time: one await per record would cost more than the
 * record's own parsing.
 */
export async function* jsonCandidateBatches(chunks: AsyncIterable<Buffer>): AsyncGenerator<Candidate[]> {
  const framer = new JsonFramer();
  for await (const { first, chunk } of withHead(chunks)) {
    const batch = framer.feed(chunk, first);
    if (batch.length > 0) yield batch;
    if (framer.finished) return;
  }
  const last = framer.end();
  if (last.length > 0) yield last;
}

/** The same candidates one at a time. */
export async function* jsonCandidates(chunks: AsyncIterable<Buffer>): AsyncGenerator<Candidate> {
  for await (const batch of jsonCandidateBatches(chunks)) yield* batch;
}
