import { compileCidr } from './ip-cidr';
import { requiredLiteral } from './regex-literal';
import type { Modifiers } from './modifiers';
import { timePartOf } from './time-part';
import { windashVariants } from './windash';
import { DocumentProblem, type DocumentPath } from './sigma-error';
import { compileString, foldedLengthIsExact, hasWildcards, parseSigmaString, plainText, type CompiledString, type StringPart } from './sigma-string';

/** Tests what a field path yielded: one value, an array of values ("any of them"), or nothing. */
export type ValuePredicate = (value: unknown) => boolean;

/**
 * A compiled field value. When the values are only a few plain case-insensitive strings (the
 * usual `eventName: [A, B]`), `plain` lists them lower-cased, so the caller can fuse reading the
 * field and comparing into one function (see selection.ts); `test` handles every other case too.
 */
export interface CompiledValues {
  test: ValuePredicate;
  plain?: readonly string[];
  /** Set when a string value can only match by equalling one of these, lower-cased (no wildcard, no other comparison). */
  folded?: ReadonlySet<string>;
}

/** A test that does not compare text case-insensitively (numbers, CIDR, regex): gets the leaf and its text. */
type LeafTest = (leaf: unknown, text: string | undefined) => boolean;

/** One value from the rule, compiled. */
type Compiled =
  | { kind: 'missing' } // `field: null`: the field is absent or null
  | { kind: 'string'; compiled: CompiledString }
  | { kind: 'leaf'; test: LeafTest };

/**
 * Compiles a field's value (or list of values) with its modifiers. Runs once per rule at load;
 * everything the match needs (lower-cased constants, regexes, CIDR bounds, Sets of plain values)
 * is prepared here.
 */
export function compileValues(raw: unknown, modifiers: Modifiers, path: DocumentPath): CompiledValues {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) throw new DocumentProblem('value', path, 'empty list of values; give at least one value, or `null` to match a missing field');
  const at = (index: number): DocumentPath => (Array.isArray(raw) ? [...path, index] : path);

  if (modifiers.comparison === 'exists') {
    const [wanted] = values;
    if (values.length !== 1 || typeof wanted !== 'boolean') throw new DocumentProblem('value', path, '"exists" takes true or false');
    return { test: (value) => isPresent(value) === wanted };
  }

  // One value can compile to several alternatives (base64offset's three encodings, windash's
  // dashes): `all` needs every value to match, each through any of its alternatives.
  const perValue = values.map((value, index) => {
    const variants = modifiers.windash && typeof value === 'string' ? windashVariants(value) : [value];
    return variants.flatMap((variant) => (modifiers.timePart ? compileTimePart(variant, modifiers, at(index)) : compileOne(variant, modifiers, at(index))));
  });
  const compiled = modifiers.all && perValue.length > 1 ? { test: allOf(perValue.map((alternatives) => anyOf(alternatives).test)) } : anyOf(perValue.flat());
  return modifiers.negated ? negate(compiled.test) : compiled;
}

/**
 * `neq`: the field is there and equals none of the values. A missing field is not "different":
 * it is unknown, as it is in every query language Sigma is converted to.
 */
function negate(test: ValuePredicate): CompiledValues {
  return { test: (value) => isPresent(value) && !test(value) };
}

/** `eventTime|hour: 3`, `eventTime|hour|gte: 22`: the part of a timestamp, compared as a number. */
function compileTimePart(value: unknown, modifiers: Modifiers, path: DocumentPath): Compiled[] {
  const part = modifiers.timePart!;
  const wanted = toNumber(value);
  if (wanted === undefined || !Number.isInteger(wanted)) throw new DocumentProblem('value', path, `"${part}" compares a whole number, not ${describe(value)}`);
  const compare = {
    equals: (n: number) => n === wanted,
    gt: (n: number) => n > wanted,
    gte: (n: number) => n >= wanted,
    lt: (n: number) => n < wanted,
    lte: (n: number) => n <= wanted,
  }[modifiers.comparison as 'equals' | 'gt' | 'gte' | 'lt' | 'lte'];
  return [
    {
      kind: 'leaf',
      test: (_leaf, text) => {
        const n = text === undefined ? undefined : timePartOf(text, part);
        return n !== undefined && compare(n);
      },
    },
  ];
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

function toText(leaf: unknown): string | undefined {
  if (typeof leaf === 'string') return leaf;
  if (typeof leaf === 'number' || typeof leaf === 'boolean' || typeof leaf === 'bigint') return String(leaf);
  return undefined;
}

function toNumber(leaf: unknown): number | undefined {
  if (typeof leaf === 'number') return Number.isFinite(leaf) ? leaf : undefined;
  if (typeof leaf === 'string' && leaf.trim() !== '') {
    const number = Number(leaf);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}

function compileOne(value: unknown, modifiers: Modifiers, path: DocumentPath): Compiled[] {
  const { comparison } = modifiers;
  const fail = (message: string): never => {
    throw new DocumentProblem('value', path, message);
  };
  if (value !== null && typeof value === 'object') {
    fail(`values must be strings, numbers, booleans or null, not ${describe(value)}; for a nested field use a dotted name (a.b.c)`);
  }

  if (value === null) {
    if (comparison !== 'equals' || modifiers.encoding) fail(`null matches a missing field and takes no "${modifiers.encoding ?? comparison}" modifier`);
    return [{ kind: 'missing' }];
  }

  switch (comparison) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const bound = toNumber(value);
      if (bound === undefined) return fail(`"${comparison}" needs a number, not ${describe(value)}`);
      const compare = { gt: (n: number) => n > bound, gte: (n: number) => n >= bound, lt: (n: number) => n < bound, lte: (n: number) => n <= bound }[
        comparison
      ];
      return [
        {
          kind: 'leaf',
          test: (leaf) => {
            const n = toNumber(leaf);
            return n !== undefined && compare(n);
          },
        },
      ];
    }
    case 'cidr': {
      if (typeof value !== 'string') return fail(`"cidr" needs a range such as 10.0.0.0/8, not ${describe(value)}`);
      const test = compileCidr(value);
      if (typeof test !== 'function') return fail(test.error);
      return [{ kind: 'leaf', test: (_leaf, text) => text !== undefined && test(text) }];
    }
    case 're': {
      if (typeof value !== 'string') return fail(`"re" needs a regular expression string, not ${describe(value)}`);
      const regex = compileRegex(value, modifiers.regexFlags, fail);
      return [{ kind: 'leaf', test: withLiteralCheck(regex, (_leaf, text) => text !== undefined && regex.test(text)) }];
    }
    case 'exists':
      return fail('"exists" is handled before values are compiled'); // unreachable: compileValues returns first
    default:
      break;
  }

  if (typeof value === 'boolean') {
    if (comparison !== 'equals' || modifiers.encoding) fail(`"${modifiers.encoding ?? comparison}" needs a string, not ${describe(value)}`);
    // true and "true" (any case) are the same to a log reader; the Set lookup covers both.
    return [{ kind: 'string', compiled: { kind: 'equals', value: String(value), cased: false } }];
  }
  const text = String(value);
  if (modifiers.charset && !modifiers.encoding) {
    const parts = parseSigmaString(text);
    if (hasWildcards(parts)) fail(`"${modifiers.charset}" cannot encode wildcards; escape * and ? with \\ or drop them`);
    // The UTF-16 bytes, one character per byte: how a JSON log shows a wide string it did not decode.
    return [
      {
        kind: 'string',
        compiled: compileString(wrap([{ kind: 'text', text: toBytes(plainText(parts), modifiers.charset).toString('latin1') }], comparison), true),
      },
    ];
  }
  if (modifiers.encoding) {
    const parts = parseSigmaString(text);
    if (hasWildcards(parts)) fail(`"${modifiers.encoding}" cannot encode wildcards; escape * and ? with \\ or drop them`);
    // Base64 is case-significant, so encoded values are always compared as written.
    return encode(plainText(parts), modifiers.encoding, modifiers.charset).map((encoded) => ({
      kind: 'string' as const,
      compiled: compileString(wrap([{ kind: 'text', text: encoded }], comparison), true),
    }));
  }
  return [{ kind: 'string', compiled: compileString(wrap(parseSigmaString(text), comparison), modifiers.cased) }];
}

function wrap(parts: StringPart[], comparison: string): StringPart[] {
  const any: StringPart = { kind: 'any' };
  if (comparison === 'contains') return [any, ...parts, any];
  if (comparison === 'startswith') return [...parts, any];
  if (comparison === 'endswith') return [any, ...parts];
  return parts;
}

/**
 * `base64` encodes the value as is. `base64offset` gives the three encodings the value can have
 * inside a longer base64 string (starting at byte offset 0, 1 or 2), with the characters that
 * depend on neighbouring bytes cut off.
 */
function encode(value: string, encoding: 'base64' | 'base64offset', charset: Modifiers['charset']): string[] {
  const bytes = toBytes(value, charset);
  if (encoding === 'base64') return [bytes.toString('base64')];
  const startCut = [0, 2, 3];
  const endCut = [0, 3, 2];
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset, ' '), bytes]).toString('base64');
    const cut = endCut[(bytes.length + offset) % 3]!;
    return encoded.slice(startCut[offset]!, cut === 0 ? undefined : encoded.length - cut);
  });
}

/**
 * Puts a substring check in front of a regular expression when every match must contain a known
 * literal: most values fail it without running the regex (an unanchored `.+x.+` costs a scan per
 * starting position). Case-insensitive regexes get it only for ASCII literals, compared with the
 * lower-cased value: there, /i pairs ASCII characters only with ASCII characters.
 */
function withLiteralCheck(regex: RegExp, test: LeafTest): LeafTest {
  const literal = requiredLiteral(regex.source);
  if (literal === undefined) return test;
  // biome-ignore lint/complexity/useOptionalChain: a leaf test returns a boolean, never undefined
  if (!regex.ignoreCase) return (leaf, text) => text !== undefined && text.includes(literal) && test(leaf, text);
  if (!/^[\x20-\x7e]+$/.test(literal)) return test;
  const lower = literal.toLowerCase();
  // biome-ignore lint/complexity/useOptionalChain: a leaf test returns a boolean, never undefined
  return (leaf, text) => text !== undefined && text.toLowerCase().includes(lower) && test(leaf, text);
}

/** The value's bytes in the text encoding the log used: UTF-8 unless a UTF-16 modifier says otherwise. */
function toBytes(value: string, charset: Modifiers['charset']): Buffer {
  if (charset === undefined) return Buffer.from(value, 'utf8');
  const little = Buffer.from(value, 'utf16le');
  if (charset === 'utf16le') return little;
  const big = Buffer.from(little).swap16();
  // `utf16` is UTF-16 with a byte order mark; Windows writes it little-endian.
  return charset === 'utf16be' ? big : Buffer.concat([Buffer.from([0xff, 0xfe]), little]);
}

/**
 * JavaScript has no inline flags; a leading `(?i)` (common in Sigma rules written for PCRE) is
 * turned into the flag rather than rejected.
 */
function compileRegex(source: string, flags: string, fail: (message: string) => never): RegExp {
  const inline = /^\(\?([ims]+)\)/.exec(source);
  const body = inline ? source.slice(inline[0].length) : source;
  const all = [...new Set([...flags, ...(inline?.[1] ?? '')])].join('');
  try {
    return new RegExp(body, all);
  } catch (error) {
    return fail(`invalid regular expression /${source}/: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Any value matches. Plain values become one Set lookup per case mode; the rest run in order.
 * Matching avoids work on the common path, a value that does not match: the value as written is
 * looked up first (event values such as eventSource are usually lower case already), and it is
 * lower-cased only when its length leaves a case-insensitive pattern a chance.
 */
function anyOf(compiled: readonly Compiled[]): CompiledValues {
  const folded = new Set<string>();
  const exact = new Set<string>();
  const strings: Array<Extract<CompiledString, { kind: 'test' }>> = [];
  const leafTests: LeafTest[] = [];
  let matchesMissing = false;
  for (const one of compiled) {
    if (one.kind === 'missing') matchesMissing = true;
    else if (one.kind === 'leaf') leafTests.push(one.test);
    else if (one.compiled.kind === 'equals') (one.compiled.cased ? exact : folded).add(one.compiled.value);
    else strings.push(one.compiled);
  }
  const foldedLengths = [...folded].every(foldedLengthIsExact) ? new Set([...folded].map((value) => value.length)) : undefined;
  const hasFolded = folded.size > 0;
  const hasExact = exact.size > 0;

  const textMatches = (text: string): boolean => {
    if (hasExact && exact.has(text)) return true;
    let lower: string | undefined;
    if (hasFolded) {
      if (folded.has(text)) return true;
      if (!foldedLengths || foldedLengths.has(text.length)) {
        lower = text.toLowerCase();
        if (lower !== text && folded.has(lower)) return true;
      }
    }
    for (const check of strings) {
      if (text.length < check.minLength) continue;
      if (check.cased ? check.test(text) : check.test((lower ??= text.toLowerCase()))) return true;
    }
    return false;
  };

  const leafMatches = (leaf: unknown): boolean => {
    if (Array.isArray(leaf)) return leaf.some(leafMatches);
    const text = toText(leaf);
    if (text !== undefined && textMatches(text)) return true;
    for (const test of leafTests) if (test(leaf, text)) return true;
    return false;
  };
  const general: ValuePredicate = (value) => (isPresent(value) ? leafMatches(value) : matchesMissing);

  // Most Sigma fields are a few plain case-insensitive values (eventSource, eventName): compare them
  // without allocation, character by character, after a length check.
  if (strings.length > 0 || leafTests.length > 0 || hasExact || !hasFolded) return { test: general };
  const onlyFolded = matchesMissing ? {} : { folded };
  if (folded.size <= FEW_VALUES && foldedLengths) {
    const plain = [...folded];
    return { plain, ...onlyFolded, test: (value) => (typeof value === 'string' ? equalsAny(value, plain) : general(value)) };
  }
  return {
    ...onlyFolded,
    test: (value) =>
      typeof value === 'string'
        ? folded.has(value) || ((!foldedLengths || foldedLengths.has(value.length)) && folded.has(value.toLowerCase()))
        : general(value),
  };
}

/** Up to this many plain values, comparing each beats lower-casing the value for a Set lookup. */
const FEW_VALUES = 8;

/** True when `value`, lower-cased, is one of the lower-case `needles`. */
export function equalsAny(value: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (value.length === needle.length && equalsFolded(value, needle)) return true;
  return false;
}

/**
 * `value.toLowerCase() === needle` for a lower-case needle of the same length, without building
 * the lower-cased string: ASCII is folded here, anything else is left to the runtime.
 */
export function equalsFolded(value: string, needle: string): boolean {
  for (let i = 0; i < needle.length; i += 1) {
    const char = value.charCodeAt(i);
    const wanted = needle.charCodeAt(i);
    if (char === wanted) continue;
    if (char >= 65 && char <= 90) {
      if (char + 32 === wanted) continue;
      return false;
    }
    if (char < 128) return false;
    return value.toLowerCase() === needle;
  }
  return true;
}

function allOf(predicates: readonly ValuePredicate[]): ValuePredicate {
  return (value) => predicates.every((predicate) => predicate(value));
}
