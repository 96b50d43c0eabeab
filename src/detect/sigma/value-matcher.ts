import { compileCidr } from './ip-cidr';
import type { Modifiers } from './modifiers';
import { DocumentProblem, type DocumentPath } from './sigma-error';
import { compileString, hasWildcards, parseSigmaString, plainText, type CompiledString, type StringPart } from './sigma-string';

/** Tests what a field path yielded: one value, an array of values ("any of them"), or nothing. */
export type ValuePredicate = (value: unknown) => boolean;

type LeafTest = (leaf: unknown, text: string | undefined, lower: string | undefined) => boolean;

/** One value from the rule, compiled. */
type Compiled =
  | { kind: 'missing' } // `field: null`: the field is absent or null
  | { kind: 'string'; compiled: CompiledString }
  | { kind: 'leaf'; test: LeafTest; needsLower: boolean };

/**
 * Compiles a field's value (or list of values) with its modifiers. Runs once per rule at load;
 * everything the match needs (lower-cased constants, regexes, CIDR bounds, Sets of plain values)
 * is prepared here.
 */
export function compileValues(raw: unknown, modifiers: Modifiers, path: DocumentPath): ValuePredicate {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) throw new DocumentProblem('value', path, 'empty list of values; give at least one value, or `null` to match a missing field');
  const at = (index: number): DocumentPath => (Array.isArray(raw) ? [...path, index] : path);

  if (modifiers.comparison === 'exists') {
    const [wanted] = values;
    if (values.length !== 1 || typeof wanted !== 'boolean') throw new DocumentProblem('value', path, '"exists" takes true or false');
    return (value) => isPresent(value) === wanted;
  }

  const compiled = values.flatMap((value, index) => compileOne(value, modifiers, at(index)));
  return modifiers.all ? allOf(compiled.map((one) => anyOf([one]))) : anyOf(compiled);
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
      const compare = { gt: (n: number) => n > bound, gte: (n: number) => n >= bound, lt: (n: number) => n < bound, lte: (n: number) => n <= bound }[comparison];
      return [{ kind: 'leaf', needsLower: false, test: (leaf) => { const n = toNumber(leaf); return n !== undefined && compare(n); } }];
    }
    case 'cidr': {
      if (typeof value !== 'string') return fail(`"cidr" needs a range such as 10.0.0.0/8, not ${describe(value)}`);
      const test = compileCidr(value);
      if (typeof test !== 'function') return fail(test.error);
      return [{ kind: 'leaf', needsLower: false, test: (_leaf, text) => text !== undefined && test(text) }];
    }
    case 're': {
      if (typeof value !== 'string') return fail(`"re" needs a regular expression string, not ${describe(value)}`);
      const regex = compileRegex(value, modifiers.regexFlags, fail);
      return [{ kind: 'leaf', needsLower: false, test: (_leaf, text) => text !== undefined && regex.test(text) }];
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
  if (modifiers.encoding) {
    const parts = parseSigmaString(text);
    if (hasWildcards(parts)) fail(`"${modifiers.encoding}" cannot encode wildcards; escape * and ? with \\ or drop them`);
    // Base64 is case-significant, so encoded values are always compared as written.
    return encode(plainText(parts), modifiers.encoding).map((encoded) => ({
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
function encode(value: string, encoding: 'base64' | 'base64offset'): string[] {
  const bytes = Buffer.from(value, 'utf8');
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

/** Any value matches: plain values become one Set lookup per case mode, the rest run in order. */
function anyOf(compiled: readonly Compiled[]): ValuePredicate {
  const folded = new Set<string>();
  const exact = new Set<string>();
  const tests: LeafTest[] = [];
  let matchesMissing = false;
  let needsLower = false;
  for (const one of compiled) {
    if (one.kind === 'missing') {
      matchesMissing = true;
    } else if (one.kind === 'leaf') {
      tests.push(one.test);
      needsLower ||= one.needsLower;
    } else if (one.compiled.kind === 'equals') {
      (one.compiled.cased ? exact : folded).add(one.compiled.value);
      needsLower ||= !one.compiled.cased;
    } else {
      const { test } = one.compiled;
      tests.push((_leaf, text, lower) => text !== undefined && test(text, lower ?? text));
      needsLower ||= !one.compiled.cased;
    }
  }

  const leafMatches = (leaf: unknown): boolean => {
    if (Array.isArray(leaf)) return leaf.some(leafMatches);
    const text = toText(leaf);
    const lower = needsLower && text !== undefined ? text.toLowerCase() : undefined;
    if (lower !== undefined && folded.has(lower)) return true;
    if (text !== undefined && exact.has(text)) return true;
    for (const test of tests) if (test(leaf, text, lower)) return true;
    return false;
  };
  return (value) => (isPresent(value) ? leafMatches(value) : matchesMissing);
}

function allOf(predicates: readonly ValuePredicate[]): ValuePredicate {
  return (value) => predicates.every((predicate) => predicate(value));
}
