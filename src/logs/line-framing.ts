import { clip } from './json-framing';

export type TextLine = { position: number; text: string } | { position: number; error: string; raw: string };

/** Longer lines are quarantined unread; an access-log line is a few KB at most. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into text lines, numbered from 1. A line may be split anywhere across
 * chunks, even inside a multi-byte character: lines are cut at the newline byte and decoded whole.
 * Blank lines are skipped (but counted); a trailing `\r` is dropped.
 */
export async function* textLines(chunks: AsyncIterable<Buffer>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<TextLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let line = 0;

  function finish(text: string): TextLine | undefined {
    line += 1;
    if (tooLong) return { position: line, error: `line longer than ${maxLineBytes} bytes; not read`, raw: clip(text) };
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    return trimmed.trim() === '' ? undefined : { position: line, text: trimmed };
  }

  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) break;
      let text: string;
      if (parts.length === 0) text = chunk.toString('utf8', start, newline);
      else {
        parts.push(chunk.subarray(start, newline));
        text = Buffer.concat(parts).toString('utf8');
        parts = [];
        partBytes = 0;
      }
      const found = finish(text);
      tooLong = false;
      if (found) yield found;
      start = newline + 1;
    }
    if (start < chunk.length) {
      // Past the limit only the start is kept, for the quarantine file.
      if (partBytes <= maxLineBytes) parts.push(Buffer.from(chunk.subarray(start)));
      partBytes += chunk.length - start;
      if (partBytes > maxLineBytes) tooLong = true;
    }
  }
  if (parts.length > 0 || tooLong) {
    const found = finish(Buffer.concat(parts).toString('utf8'));
    if (found) yield found;
  }
}
