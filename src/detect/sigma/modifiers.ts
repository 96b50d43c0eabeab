import { DocumentProblem, type DocumentPath } from './sigma-error';

/** How a field's values are compared; at most one per field. */
export type Comparison = 'equals' | 'contains' | 'startswith' | 'endswith' | 're' | 'cidr' | 'exists' | 'gt' | 'gte' | 'lt' | 'lte';

export interface Modifiers {
  comparison: Comparison;
  /** Applied to the rule's value before comparing: the event holds it base64-encoded. */
  encoding?: 'base64' | 'base64offset';
  /** Every value must match, instead of any one. */
  all: boolean;
  /** Compare strings case-sensitively (Sigma's default is case-insensitive). */
  cased: boolean;
  /** JavaScript flags for `re`, from the `i`, `m` and `s` sub-modifiers. */
  regexFlags: string;
  /** `neq`: the field is present and differs from every value. */
  negated: boolean;
  /** `fieldref`: the values name other fields of the same event, compared with this one. */
  fieldref: boolean;
  /** `windash`: flags written with `-` also match `/`, en dash, em dash and horizontal bar. */
  windash: boolean;
  /** UTF-16 encoding of the value's text before any base64 (`wide` is `utf16le`). */
  charset?: 'utf16le' | 'utf16be' | 'utf16';
  /** `minute` … `year`: the field is a timestamp and this part of it is compared as a number. */
  timePart?: TimePart;
}

export const TIME_PARTS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type TimePart = (typeof TIME_PARTS)[number];

export const ACCEPTED_MODIFIERS =
  'contains, startswith, endswith, all, exists, cased, neq, windash, re (with i, m, s), base64, base64offset, utf16le, utf16be, utf16, wide, gt, gte, lt, lte, minute, hour, day, week, month, year, cidr, fieldref';

/** Sigma modifiers that exist but that Prowl does not run, so the error can say so instead of "unknown". */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  expand: "its placeholders (%name%) are filled by a converter's processing pipeline, which Prowl does not have; write the values into the rule",
};

const CHARSETS: Readonly<Record<string, NonNullable<Modifiers['charset']>>> = { utf16le: 'utf16le', wide: 'utf16le', utf16be: 'utf16be', utf16: 'utf16' };

const COMPARISONS = new Set<string>(['contains', 'startswith', 'endswith', 're', 'cidr', 'exists', 'gt', 'gte', 'lt', 'lte']);
/** True when the names include a comparison (contains, re, ...), as opposed to only flags like all or cased. */
export function namesComparison(names: readonly string[]): boolean {
  return names.some((name) => COMPARISONS.has(name.trim().toLowerCase()));
}

const STRING_COMPARISONS = new Set<Comparison>(['equals', 'contains', 'startswith', 'endswith']);
const NUMERIC = new Set<Comparison>(['gt', 'gte', 'lt', 'lte']);

/**
 * Reads `field|base64|contains|all` modifiers in order. Rejects unknown modifiers and combinations
 * that cannot mean anything (two comparisons, `re` flags without `re`, an encoding after the
 * comparison it should feed), naming the modifier and what is accepted.
 */
export function parseModifiers(names: readonly string[], path: DocumentPath): Modifiers {
  const fail = (message: string): never => {
    throw new DocumentProblem('modifier', path, message);
  };
  const seen = new Set<string>();
  let comparison: Comparison | undefined;
  let encoding: Modifiers['encoding'];
  let all = false;
  let cased = false;
  let regexFlags = '';
  let negated = false;
  let fieldref = false;
  let windash = false;
  let charset: Modifiers['charset'];
  let timePart: TimePart | undefined;

  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    if (name === '') fail('empty modifier (two `|` in a row, or a trailing `|`)');
    if (seen.has(name)) fail(`modifier "${name}" is given twice`);
    seen.add(name);

    if (COMPARISONS.has(name)) {
      if (comparison) fail(`modifiers "${comparison}" and "${name}" cannot be combined; use one comparison per field`);
      comparison = name as Comparison;
    } else if (name === 'base64' || name === 'base64offset') {
      if (encoding) fail(`modifiers "${encoding}" and "${name}" cannot be combined`);
      // The encoding turns the rule's value into what the log holds; a comparison before it would wrap wildcards into the encoding.
      if (comparison) fail(`"${name}" must come before "${comparison}" (e.g. ${name}|${comparison})`);
      encoding = name;
    } else if (Object.hasOwn(CHARSETS, name)) {
      if (charset) fail(`modifiers "${charset}" and "${name}" cannot be combined`);
      if (encoding || comparison) fail(`"${name}" must come before "${encoding ?? comparison}" (e.g. ${name}|base64offset|contains)`);
      charset = CHARSETS[name];
    } else if ((TIME_PARTS as readonly string[]).includes(name)) {
      if (timePart) fail(`modifiers "${timePart}" and "${name}" cannot be combined; compare one part of the time per field`);
      if (comparison) fail(`"${name}" must come before "${comparison}" (e.g. ${name}|${comparison})`);
      timePart = name as TimePart;
    } else if (name === 'neq') {
      negated = true;
    } else if (name === 'fieldref') {
      fieldref = true;
    } else if (name === 'windash') {
      windash = true;
    } else if (name === 'all') {
      all = true;
    } else if (name === 'cased') {
      cased = true;
    } else if (name === 'i' || name === 'm' || name === 's') {
      if (comparison !== 're') fail(`"${name}" is a flag of "re" and must follow it (re|${name})`);
      regexFlags += name;
    } else if (Object.hasOwn(KNOWN_UNSUPPORTED, name)) {
      fail(`modifier "${name}" is not supported by Prowl: ${KNOWN_UNSUPPORTED[name]}; accepted: ${ACCEPTED_MODIFIERS}`);
    } else {
      fail(`unknown modifier "${raw}"; accepted: ${ACCEPTED_MODIFIERS}`);
    }
  }

  const chosen = comparison ?? 'equals';
  if (encoding && !STRING_COMPARISONS.has(chosen)) fail(`"${encoding}" only works with plain, contains, startswith or endswith matching, not "${chosen}"`);
  if (encoding === 'base64offset' && chosen !== 'contains')
    fail('"base64offset" must be followed by "contains": its encodings only match inside a longer value');
  if (cased && !STRING_COMPARISONS.has(chosen)) {
    fail(
      chosen === 're'
        ? '"cased" does not apply to "re", which is case-sensitive already; use re|i for case-insensitive'
        : `"cased" does not apply to "${chosen}"`,
    );
  }
  if (chosen === 'exists' && names.length > 1) fail('"exists" takes no other modifier');
  if (charset && !STRING_COMPARISONS.has(chosen)) fail(`"${charset}" only works with plain, contains, startswith or endswith matching, not "${chosen}"`);
  if (windash && !STRING_COMPARISONS.has(chosen)) fail(`"windash" only works with plain, contains, startswith or endswith matching, not "${chosen}"`);
  if (negated && chosen !== 'equals' && !NUMERIC.has(chosen)) fail(`"neq" is a comparison of its own and cannot be combined with "${chosen}"`);
  if (negated && NUMERIC.has(chosen)) fail(`"neq" and "${chosen}" cannot be combined; use one comparison per field`);
  if (negated && all) fail('"neq" already means "differs from every value"; drop "all"');
  if (timePart && chosen !== 'equals' && !NUMERIC.has(chosen))
    fail(`"${timePart}" compares a number and works with plain matching, neq, gt, gte, lt or lte, not "${chosen}"`);
  if (timePart && (encoding || charset || cased || windash || fieldref))
    fail(`"${timePart}" compares a number; it takes no ${encoding ?? charset ?? (cased ? 'cased' : windash ? 'windash' : 'fieldref')}`);
  if (fieldref && (encoding || charset || windash || !STRING_COMPARISONS.has(chosen))) {
    fail(
      `"fieldref" compares with another field's value as it is; it works with plain matching, contains, startswith, endswith, neq, cased and all, not ${encoding ?? charset ?? (windash ? 'windash' : chosen)}`,
    );
  }
  return {
    comparison: chosen,
    ...(encoding ? { encoding } : {}),
    ...(charset ? { charset } : {}),
    ...(timePart ? { timePart } : {}),
    all,
    cased,
    regexFlags,
    negated,
    fieldref,
    windash,
  };
}
