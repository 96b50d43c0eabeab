/**
 * The byte scanner both JSON layouts share (json-framing.ts chooses the layout). It finds where
 * each record starts and ends by scanning bytes (only quotes, backslashes, brackets and newlines
 * matter), then hands each record's slice to JSON.parse, which is far faster than any tokenizer
 * written in JavaScript. What a byte at the top level means, and where a record sits, is the
 * layout's (Layout below), and each layout keeps its own state.
 *
 * Scanner state survives between chunks, so a record may be split anywhere, even inside a
 * multi-byte character (only ASCII bytes are looked at, and UTF-8 never uses them inside one).
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

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const NEWLINE = 0x0a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const SPACE = 0x20;
export const TAB = 0x09;
export const CR = 0x0d;

export function clip(text: string): string {
  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…(truncated)` : text;
}

export function parseRecord(position: number, text: string): Candidate {
  try {
    return { position, value: JSON.parse(text) as unknown, raw: text };
  } catch (error) {
    return { position, error: `not JSON: ${(error as Error).message}`, raw: clip(text.trim()) };
  }
}

/** How many backslashes come right before `at`, looking no further back than `limit`. */
function backslashesBefore(chunk: Buffer, at: number, limit: number): number {
  let k = at - 1;
  while (k >= limit && chunk[k] === BACKSLASH) k -= 1;
  return at - 1 - k;
}

/** The bytes of the record being scanned: a slice of the current chunk, after copies of the earlier chunks it spans. */
class RecordBytes {
  private parts: Buffer[] = [];
  private size = 0;
  /** Where the record starts in the current chunk; -1 when no record is held. */
  start = -1;
  /** The record outgrew its limit: its bytes were dropped and it is reported unread. */
  oversized = false;

  /** A new chunk: a record still held continues from its first byte. */
  nextChunk(holding: boolean): void {
    this.start = holding ? 0 : -1;
  }

  /** How long the record is if it ends at `end` of the current chunk. */
  lengthTo(end: number): number {
    return this.size + (end - this.start);
  }

  textTo(chunk: Buffer, end: number): string {
    if (this.parts.length === 0) return chunk.toString('utf8', this.start, end);
    this.parts.push(chunk.subarray(this.start, end));
    return Buffer.concat(this.parts).toString('utf8');
  }

  /** What is kept of a record the object ended inside. */
  held(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }

  /**
   * Keeps the unfinished record's bytes for the next chunk, up to `limit`: past it, a record is
   * dropped (`oversized`), while junk keeps its start for the quarantine file and drops the rest.
   */
  keep(chunk: Buffer, limit: number, overflow: 'drop' | 'keep-start'): void {
    if (this.start < 0 || this.start >= chunk.length || this.oversized || this.size > limit) return;
    // Copied, not sliced: a slice would pin the whole decompressed chunk until the record ends.
    this.parts.push(Buffer.from(chunk.subarray(this.start)));
    this.size += chunk.length - this.start;
    if (this.size > limit && overflow === 'drop') {
      this.oversized = true;
      this.parts = [];
    }
  }

  clear(): void {
    this.parts = [];
    this.size = 0;
    this.oversized = false;
    this.start = -1;
  }
}

/**
 * What differs by layout: what a byte at the top level means, where a record sits, what an
 * unfinished record at the end becomes. Each layout keeps its own state; the scanner's stays the
 * same whichever layout it serves (one class, so the byte loops see one object shape).
 */
export interface Layout {
  /** A byte at the top level that opens no object or array: a record of its own, a separator or junk. Returns where to go on. */
  topLevel(scan: JsonScanner, at: number, byte: number): number;
  /** Reads on through a bare record. Returns where to go on. */
  scanBare(scan: JsonScanner, from: number): number;
  /** A record begins at the top level. */
  startRecord(scan: JsonScanner): void;
  /** A whole record's text, neither too long nor too deep. */
  accept(scan: JsonScanner, text: string): void;
  /** The position candidates of the current record carry. */
  position(): number;
  /** A record is done with: read, or reported unread. */
  recordDone(): void;
  /** A raw newline inside a value; true when the layout ended the value there (and reset the scan). */
  newlineInValue(scan: JsonScanner, at: number): boolean;
  /** A raw newline inside a string (never valid JSON); true when the layout ended the value there. */
  newlineInString(scan: JsonScanner, at: number): boolean;
  /** Keeps what the next chunk needs of the unfinished record. */
  keepUnfinished(scan: JsonScanner): void;
  /** What the end of the object makes of the record it ended inside, or of an unclosed document. */
  endOfObject(scan: JsonScanner): void;
}

/** The members layouts use are public: the scanner and its layouts are one unit, split by concern. */
export class JsonScanner {
  chunk: Buffer = Buffer.alloc(0);
  out: Candidate[] = [];
  readonly bytes = new RecordBytes();
  /** The line the scan is on (1-based). */
  line = 1;
  /** Inside a JSON value that started at the top level. */
  inValue = false;
  /** Inside a record that is no JSON object, array or string, which the layout reads on its own (scanBare). */
  bare = false;
  /** Set by a layout once nothing more of the object can hold records. */
  ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current record went deeper than MAX_JSON_DEPTH. */
  private tooDeep = false;
  /** Where the next newline of the current chunk is (its length when there is none), found lazily. */
  private nextNewline = -1;

  constructor(private readonly layout: Layout) {}

  /** The candidates that end in this chunk, reading from `from` (past a layout's header). */
  feed(chunk: Buffer, from: number): Candidate[] {
    this.out = [];
    this.chunk = chunk;
    this.nextNewline = -1;
    this.bytes.nextChunk(this.inValue || this.bare);
    const n = chunk.length;
    let i = from;
    while (i < n && !this.ended) {
      if (this.bare) i = this.layout.scanBare(this, i);
      else if (this.inString) i = this.scanString(i);
      else i = this.scanStructure(i);
    }
    if (this.inValue || this.bare) this.layout.keepUnfinished(this);
    return this.out;
  }

  /** What the end of the object leaves: the record it ended inside, if any. */
  end(): Candidate[] {
    this.out = [];
    this.layout.endOfObject(this);
    this.bytes.clear();
    return this.out;
  }

  /** The current record starts at `at` of the chunk, as a JSON value (`bare` for one that is not). */
  startValue(at: number, bare = false): void {
    this.inValue = true;
    this.bare = bare;
    this.bytes.start = at;
    this.layout.startRecord(this);
  }

  /** Enters a string that is a record of its own (a string element of Records). */
  startString(at: number): number {
    this.startValue(at);
    this.inString = true;
    return at + 1;
  }

  finishValue(end: number): void {
    const layout = this.layout;
    if (this.bytes.oversized || this.bytes.lengthTo(end) > MAX_RECORD_BYTES) {
      this.out.push({ position: layout.position(), error: `record longer than ${MAX_RECORD_BYTES} bytes; not read`, raw: '' });
    } else if (this.tooDeep) {
      this.out.push({ position: layout.position(), error: `record nested deeper than ${MAX_JSON_DEPTH} levels; not read`, raw: clip(this.textTo(end)) });
    } else {
      layout.accept(this, this.textTo(end));
    }
    layout.recordDone();
    this.reset();
  }

  textTo(end: number): string {
    return this.bytes.textTo(this.chunk, end);
  }

  reset(): void {
    this.bytes.clear();
    this.tooDeep = false;
    this.inValue = false;
    this.inString = false;
    this.escaped = false;
    this.bare = false;
    this.depth = 0;
  }

  /** Outside strings: brackets set the depth; at depth 0 they start and end records. */
  private scanStructure(from: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    let depth = this.depth;
    for (let i = from; i < n; i++) {
      const byte = chunk[i]!;
      if (byte === QUOTE) {
        if (depth === 0) return this.layout.topLevel(this, i, byte);
        this.depth = depth;
        this.inString = true;
        return i + 1;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (depth === 0) this.startValue(i);
        depth += 1;
        if (depth > MAX_JSON_DEPTH) this.tooDeep = true;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth === 0) return this.layout.topLevel(this, i, byte);
        depth -= 1;
        if (depth === 0) {
          this.depth = 0;
          this.finishValue(i + 1);
        }
      } else if (byte === NEWLINE) {
        this.line += 1;
        if (this.inValue && this.layout.newlineInValue(this, i)) depth = 0;
      } else if (byte === SPACE || byte === TAB || byte === CR || (byte === COMMA && depth > 0)) {
        // separators and whitespace
      } else if (depth === 0) {
        return this.layout.topLevel(this, i, byte);
      }
    }
    this.depth = depth;
    return n;
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
        if (this.layout.newlineInString(this, at)) return at + 1;
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
        if (this.depth === 0) this.finishValue(quote + 1); // a string that is a record of its own
        return quote + 1;
      }
      i = quote + 1;
    }
  }
}
