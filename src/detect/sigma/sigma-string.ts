/**
 * Sigma string values: `*` matches any run of characters, `?` exactly one, and `\` escapes a
 * wildcard or itself. A backslash before any other character is a plain backslash, which is how
 * Windows paths stay readable in Sigma (`C:\Windows\*`).
 */
export type StringPart = { kind: 'text'; text: string } | { kind: 'any' } | { kind: 'one' };

export function parseSigmaString(value: string): StringPart[] {
  const parts: StringPart[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    if (char === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i += 1;
      } else {
        text += char;
      }
    } else if (char === '*' || char === '?') {
      flush();
      parts.push({ kind: char === '*' ? 'any' : 'one' });
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

export function hasWildcards(parts: readonly StringPart[]): boolean {
  return parts.some((part) => part.kind !== 'text');
}

/** The plain text of parts without wildcards (callers check `hasWildcards` first). */
export function plainText(parts: readonly StringPart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
}

/**
 * Tests one string: the value lower-cased for a case-insensitive pattern, as written for a cased
 * one. The caller lower-cases a field's value at most once however many patterns check it.
 */
export type StringTest = (value: string) => boolean;

/**
 * A compiled pattern: plain equality is kept apart so a list of them can become one Set lookup.
 * `minLength` lets the caller skip values too short to match before lower-casing them.
 */
export type CompiledString = { kind: 'equals'; value: string; cased: boolean } | { kind: 'test'; test: StringTest; cased: boolean; minLength: number };

/**
 * Lower-casing keeps a string's length, except for U+0130 (İ), which becomes "i" plus U+0307.
 * So a folded pattern without U+0307 can only be found in values at least as long as it.
 */
export function foldedLengthIsExact(folded: string): boolean {
  return !folded.includes('\u0307');
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * Compiles parts to the cheapest test that fits: equality, prefix, suffix or substring when the
 * only wildcards are at the ends, a regular expression otherwise. Case-insensitive patterns are
 * lower-cased here and compared with the lower-cased value.
 */
export function compileString(parts: readonly StringPart[], cased: boolean): CompiledString {
  const fold = (text: string): string => (cased ? text : text.toLowerCase());
  let start = 0;
  let end = parts.length;
  while (start < end && parts[start]!.kind === 'any') start += 1;
  while (end > start && parts[end - 1]!.kind === 'any') end -= 1;
  const leading = start > 0;
  const trailing = end < parts.length;
  const middle = parts.slice(start, end);

  if (middle.length === 0) {
    // Only `*` (or nothing at all): any string when there was a star, the empty string otherwise.
    return leading ? { kind: 'test', test: () => true, cased, minLength: 0 } : { kind: 'equals', value: '', cased };
  }
  const only = middle.length === 1 ? middle[0]! : undefined;
  if (only?.kind === 'text') {
    const needle = fold(only.text);
    if (!leading && !trailing) return { kind: 'equals', value: needle, cased };
    const minLength = cased || foldedLengthIsExact(needle) ? needle.length : 0;
    if (leading && trailing) return { kind: 'test', test: (value) => value.includes(needle), cased, minLength };
    if (trailing) return { kind: 'test', test: (value) => value.startsWith(needle), cased, minLength };
    return { kind: 'test', test: (value) => value.endsWith(needle), cased, minLength };
  }

  const source = parts.map((part) => (part.kind === 'any' ? '.*' : part.kind === 'one' ? '.' : fold(part.text).replace(REGEX_SPECIAL, '\\$&'))).join('');
  // `s` so wildcards cross newlines like any other character; `u` so `?` is one character, not half of one.
  const regex = new RegExp(`^${source}$`, 'su');
  return { kind: 'test', test: (value) => regex.test(value), cased, minLength: 0 };
}
