const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;

function escapedQuote(line: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; i >= 0 && line.charCodeAt(i) === BACKSLASH; i--) backslashes += 1;
  return backslashes % 2 === 1;
}

/**
 * Splits a space-delimited access-log line (S3 server access, ALB) into its fields.
 * - `"…"` is one field; it ends at a quote followed by a space or the end of the line, so a user
 *   agent with a stray quote inside stays one field. `\"` inside is unescaped.
 * - with `brackets`, `[…]` is one field (S3's time, which holds a space); ALB leaves it off
 *   because its IPv6 `[addr]:port` is not a field of its own.
 * Quotes and brackets are removed. Returns the reason when the line cannot be split.
 */
export function splitFields(line: string, options: { brackets: boolean }): string[] | { error: string } {
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === SPACE) {
      i += 1;
      continue;
    }
    if (c === QUOTE) {
      let from = i + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q === -1) return { error: `field ${fields.length + 1} opens a quote at column ${i + 1} that never closes` };
        if (!escapedQuote(line, q) && (q + 1 === n || line.charCodeAt(q + 1) === SPACE)) {
          const value = line.slice(i + 1, q);
          fields.push(value.includes('\\"') ? value.replace(/\\"/g, '"') : value);
          i = q + 1;
          break;
        }
        from = q + 1;
      }
      continue;
    }
    if (c === OPEN_BRACKET && options.brackets) {
      const close = line.indexOf(']', i);
      if (close === -1) return { error: `field ${fields.length + 1} opens a bracket at column ${i + 1} that never closes` };
      fields.push(line.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    let end = line.indexOf(' ', i);
    if (end === -1) end = n;
    fields.push(line.slice(i, end));
    i = end;
  }
  return fields;
}

/** `-` is how AWS access logs write "no value". */
export function nullIfDash(value: string | undefined): string | null {
  return value === undefined || value === '-' || value === '' ? null : value;
}

const INTEGER = /^-?\d{1,15}$/;
const DECIMAL = /^-?\d{1,15}(\.\d+)?$/;

/** Thrown (and caught by the line parser) when a field does not hold what its position requires. */
export class FieldError extends Error {}

/** An integer field, `-` as null; anything else names the field and what it accepts. */
export function integerField(name: string, value: string | undefined): number | null {
  const text = nullIfDash(value);
  if (text === null) return null;
  if (!INTEGER.test(text)) throw new FieldError(`${name}: expected a whole number or "-", got "${text.slice(0, 40)}"`);
  return Number(text);
}

export function decimalField(name: string, value: string | undefined): number | null {
  const text = nullIfDash(value);
  if (text === null) return null;
  if (!DECIMAL.test(text)) throw new FieldError(`${name}: expected a number or "-", got "${text.slice(0, 40)}"`);
  return Number(text);
}

/** Runs a line parser's field reads, turning a FieldError into the line's rejection reason. */
export function readFields(read: () => Record<string, unknown>): { record: Record<string, unknown> } | { error: string } {
  try {
    return { record: read() };
  } catch (error) {
    if (error instanceof FieldError) return { error: error.message };
    throw error;
  }
}
