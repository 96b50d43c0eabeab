import { CLOSE_BRACKET, COMMA, CR, type JsonScanner, type Layout, MAX_RECORD_BYTES, NEWLINE, QUOTE, SPACE, TAB, clip, parseRecord } from './json-scanner';

/**
 * A `{"Records":[…]}` document (CloudTrail), read from just after its `[`: each element of
 * Records is a record, its position its 1-based index. The scan ends where the array closes.
 */
export class RecordsLayout implements Layout {
  private recordIndex = 0;

  topLevel(scan: JsonScanner, at: number, byte: number): number {
    if (byte === QUOTE) return scan.startString(at);
    if (byte === COMMA) return at + 1;
    if (byte === CLOSE_BRACKET) {
      scan.ended = true;
      return scan.chunk.length;
    }
    // A number or literal, ended by a delimiter; or a stray brace, an element of its own that will not parse.
    scan.startValue(at, true);
    return at + 1;
  }

  /** A number or literal element: it ends at the next delimiter, which is read again at array level. */
  scanBare(scan: JsonScanner, from: number): number {
    const chunk = scan.chunk;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const byte = chunk[i]!;
      if (byte === COMMA || byte === CLOSE_BRACKET || byte === SPACE || byte === NEWLINE || byte === TAB || byte === CR) {
        scan.finishValue(i);
        return i;
      }
    }
    return n;
  }

  startRecord(): void {
    this.recordIndex += 1;
  }

  accept(scan: JsonScanner, text: string): void {
    scan.out.push(parseRecord(this.recordIndex, text));
  }

  position(): number {
    return this.recordIndex;
  }

  recordDone(): void {}

  /** A newline is whitespace between tokens here; inside a string it breaks that record, which JSON.parse reports. */
  newlineInValue(): boolean {
    return false;
  }

  newlineInString(): boolean {
    return false;
  }

  keepUnfinished(scan: JsonScanner): void {
    scan.bytes.keep(scan.chunk, MAX_RECORD_BYTES, 'drop');
  }

  endOfObject(scan: JsonScanner): void {
    if (scan.inValue) {
      const text = scan.bytes.oversized ? '' : scan.bytes.held();
      scan.out.push(
        scan.bare
          ? parseRecord(this.recordIndex, text)
          : { position: this.recordIndex, error: 'the object ends inside this record: the file is truncated', raw: clip(text) },
      );
    } else if (!scan.ended) {
      scan.out.push({ position: this.recordIndex + 1, error: 'the Records array never closes: the file is truncated', raw: '' });
    }
  }
}
