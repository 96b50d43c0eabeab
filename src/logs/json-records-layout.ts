import { CLOSE_BRACKET, COMMA, CR, JsonScanner, NEWLINE, QUOTE, SPACE, TAB, clip, parseRecord } from './json-scanner';

/**
 * A `{"Records":[…]}` document (CloudTrail), read from just after its `[`: each element of
 * Records is a record, its position its 1-based index. The scan ends where the array closes.
 */
export class RecordsFramer extends JsonScanner {
  private recordIndex = 0;

  protected topLevel(at: number, byte: number): number {
    if (byte === QUOTE) return this.startString(at);
    if (byte === COMMA) return at + 1;
    if (byte === CLOSE_BRACKET) {
      this.ended = true;
      return this.chunk.length;
    }
    // A number or literal, ended by a delimiter; or a stray brace, an element of its own that will not parse.
    this.startValue(at, true);
    return at + 1;
  }

  /** A number or literal element: it ends at the next delimiter, which is read again at array level. */
  protected scanBare(from: number): number {
    const chunk = this.chunk;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const byte = chunk[i]!;
      if (byte === COMMA || byte === CLOSE_BRACKET || byte === SPACE || byte === NEWLINE || byte === TAB || byte === CR) {
        this.finishValue(i);
        return i;
      }
    }
    return n;
  }

  protected onStart(): void {
    this.recordIndex += 1;
  }

  protected accept(text: string): void {
    this.out.push(parseRecord(this.recordIndex, text));
  }

  protected position(): number {
    return this.recordIndex;
  }

  protected endOfObject(): void {
    if (this.inValue) {
      const text = this.bytes.oversized ? '' : this.bytes.held();
      this.out.push(
        this.bare
          ? parseRecord(this.recordIndex, text)
          : { position: this.recordIndex, error: 'the object ends inside this record: the file is truncated', raw: clip(text) },
      );
    } else if (!this.ended) {
      this.out.push({ position: this.recordIndex + 1, error: 'the Records array never closes: the file is truncated', raw: '' });
    }
  }
}
