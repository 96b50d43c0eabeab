import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  type Candidate,
  JsonScanner,
  MAX_JSON_DEPTH,
  MAX_RAW_CHARS,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  clip,
  parseRecord,
} from './json-scanner';

function isRecordsDocument(value: unknown): value is { Records: unknown[] } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { Records?: unknown }).Records);
}

/** Whether JSON text opens more than MAX_JSON_DEPTH brackets at once (the scanner counts as it goes; this is for text it hands on unscanned). */
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

const NOT_A_RECORD = 'not JSON: a record starts with { or [';

/**
 * A sequence of JSON values (JSON lines, concatenated JSON, one pretty-printed document),
 * position = the line the value starts on. A value that is itself a Records document is opened
 * up. Once the first value has fit on one line the object is taken to be JSON lines, and a line
 * that ends inside a record costs that line only; in a pretty-printed object a value that fails
 * to parse is read again line by line, so one truncated line never takes the rest with it.
 */
export class ValuesFramer extends JsonScanner {
  /** The line the current value (or junk) starts on. */
  private valueLine = 1;
  private spansLines = false;
  /** Decided by the first value: JSON lines when it fit on one line. */
  private lineMode: boolean | undefined;

  /** Anything but `{` or `[` at the top level starts junk: a line that is no record, read to its end (scanBare). */
  protected topLevel(at: number): number {
    this.bare = true;
    this.bytes.start = at;
    this.valueLine = this.line;
    return at;
  }

  protected scanBare(from: number): number {
    const newline = this.chunk.indexOf(NEWLINE, from);
    if (newline === -1) return this.chunk.length;
    this.out.push({ position: this.valueLine, error: NOT_A_RECORD, raw: clip(this.textTo(newline).trim()) });
    this.reset();
    this.line += 1;
    return newline + 1;
  }

  protected onStart(): void {
    this.valueLine = this.line;
    this.spansLines = false;
  }

  /** A value is a record, or a Records document to open up; a broken multi-line value is read again by lines. */
  protected accept(text: string): void {
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

  protected position(): number {
    return this.valueLine;
  }

  protected override finishValue(end: number): void {
    super.finishValue(end);
    if (this.lineMode === undefined) this.lineMode = !this.spansLines;
  }

  protected override newlineInValue(at: number): boolean {
    if (this.lineMode === true) {
      this.breakValue(at, 'the line ends inside a record');
      return true;
    }
    this.spansLines = true;
    return false;
  }

  protected override newlineInString(at: number): boolean {
    this.breakValue(at, 'the line ends inside a string');
    return true;
  }

  /** Junk is kept only as far as the quarantine file shows it. */
  protected override keepUnfinished(): void {
    if (this.bare) this.bytes.keep(this.chunk, MAX_RAW_CHARS, 'keep-start');
    else super.keepUnfinished();
  }

  protected endOfObject(): void {
    if (this.bare) {
      this.out.push({ position: this.valueLine, error: NOT_A_RECORD, raw: clip(this.bytes.held().trim()) });
    } else if (this.inValue) {
      const oversized = this.bytes.oversized;
      const text = oversized ? '' : this.bytes.held();
      if (this.spansLines && this.lineMode !== true && !oversized) this.out.push(...linesOf(text, this.valueLine));
      else this.out.push({ position: this.valueLine, error: 'not JSON: the object ends inside this record', raw: clip(text.trim()) });
    }
  }

  /** JSON lines: the line ended inside a value, so that line is broken; pick up at the next one. */
  private breakValue(at: number, why: string): void {
    const text = this.bytes.oversized ? '' : this.textTo(at);
    this.out.push({ position: this.valueLine, error: `not JSON: ${why}`, raw: clip(text.trim()) });
    this.reset();
  }
}
