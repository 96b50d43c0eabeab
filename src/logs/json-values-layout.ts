import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  type Candidate,
  type JsonScanner,
  type Layout,
  MAX_JSON_DEPTH,
  MAX_RAW_CHARS,
  MAX_RECORD_BYTES,
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
export class ValuesLayout implements Layout {
  /** The line the current value (or junk) starts on. */
  private valueLine = 1;
  private spansLines = false;
  /** Decided by the first value: JSON lines when it fit on one line. */
  private lineMode: boolean | undefined;

  /** Anything but `{` or `[` at the top level starts junk: a line that is no record, read to its end (scanBare). */
  topLevel(scan: JsonScanner, at: number): number {
    scan.bare = true;
    scan.bytes.start = at;
    this.valueLine = scan.line;
    return at;
  }

  scanBare(scan: JsonScanner, from: number): number {
    const newline = scan.chunk.indexOf(NEWLINE, from);
    if (newline === -1) return scan.chunk.length;
    scan.out.push({ position: this.valueLine, error: NOT_A_RECORD, raw: clip(scan.textTo(newline).trim()) });
    scan.reset();
    scan.line += 1;
    return newline + 1;
  }

  startRecord(scan: JsonScanner): void {
    this.valueLine = scan.line;
    this.spansLines = false;
  }

  /** A value is a record, or a Records document to open up; a broken multi-line value is read again by lines. */
  accept(scan: JsonScanner, text: string): void {
    const candidate = parseRecord(this.valueLine, text);
    if ('error' in candidate) {
      if (this.spansLines && this.lineMode !== true) scan.out.push(...linesOf(text, this.valueLine));
      else scan.out.push(candidate);
    } else if (isRecordsDocument(candidate.value)) {
      candidate.value.Records.forEach((record, index) =>
        scan.out.push({ position: index + 1, value: record, raw: clip(JSON.stringify(record) ?? String(record)) }),
      );
    } else {
      scan.out.push(candidate);
    }
  }

  position(): number {
    return this.valueLine;
  }

  recordDone(): void {
    if (this.lineMode === undefined) this.lineMode = !this.spansLines;
  }

  newlineInValue(scan: JsonScanner, at: number): boolean {
    if (this.lineMode === true) {
      this.breakValue(scan, at, 'the line ends inside a record');
      return true;
    }
    this.spansLines = true;
    return false;
  }

  newlineInString(scan: JsonScanner, at: number): boolean {
    this.breakValue(scan, at, 'the line ends inside a string');
    return true;
  }

  /** Junk is kept only as far as the quarantine file shows it. */
  keepUnfinished(scan: JsonScanner): void {
    if (scan.bare) scan.bytes.keep(scan.chunk, MAX_RAW_CHARS, 'keep-start');
    else scan.bytes.keep(scan.chunk, MAX_RECORD_BYTES, 'drop');
  }

  endOfObject(scan: JsonScanner): void {
    if (scan.bare) {
      scan.out.push({ position: this.valueLine, error: NOT_A_RECORD, raw: clip(scan.bytes.held().trim()) });
    } else if (scan.inValue) {
      const oversized = scan.bytes.oversized;
      const text = oversized ? '' : scan.bytes.held();
      if (this.spansLines && this.lineMode !== true && !oversized) scan.out.push(...linesOf(text, this.valueLine));
      else scan.out.push({ position: this.valueLine, error: 'not JSON: the object ends inside this record', raw: clip(text.trim()) });
    }
  }

  /** JSON lines: the line ended inside a value, so that line is broken; pick up at the next one. */
  private breakValue(scan: JsonScanner, at: number, why: string): void {
    const text = scan.bytes.oversized ? '' : scan.textTo(at);
    scan.out.push({ position: this.valueLine, error: `not JSON: ${why}`, raw: clip(text.trim()) });
    scan.reset();
  }
}
