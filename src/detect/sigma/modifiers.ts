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
}

export const ACCEPTED_MODIFIERS = 'contains, startswith, endswith, all, re (with i, m, s), cidr, exists, gt, gte, lt, lte, base64, base64offset, cased';

/** Sigma modifiers that exist but that Prowl does not run, so the error can say so instead of "unknown". */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  windash: 'it expands Windows command-line dashes, which AWS logs do not have',
  wide: 'UTF-16 encodings are for Windows logs',
  utf16: 'UTF-16 encodings are for Windows logs',
  utf16le: 'UTF-16 encodings are for Windows logs',
  utf16be: 'UTF-16 encodings are for Windows logs',
  expand: 'placeholders need a placeholder configuration Prowl does not have',
  fieldref: 'comparing two fields is not supported; write a TypeScript rule',
  neq: 'use `not` in the condition instead',
};

const COMPARISONS = new Set<string>(['contains', 'startswith', 'endswith', 're', 'cidr', 'exists', 'gt', 'gte', 'lt', 'lte']);
/** True when the names include a comparison (contains, re, ...), as opposed to only flags like all or cased. */
export function namesComparison(names: readonly string[]): boolean {
  return names.some((name) => COMPARISONS.has(name.trim().toLowerCase()));
}

const STRING_COMPARISONS = new Set<Comparison>(['equals', 'contains', 'startswith', 'endswith']);

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
  if (encoding === 'base64offset' && chosen !== 'contains') fail('"base64offset" must be followed by "contains": its encodings only match inside a longer value');
  if (cased && !STRING_COMPARISONS.has(chosen)) {
    fail(chosen === 're' ? '"cased" does not apply to "re", which is case-sensitive already; use re|i for case-insensitive' : `"cased" does not apply to "${chosen}"`);
  }
  if (chosen === 'exists' && names.length > 1) fail('"exists" takes no other modifier');
  return { comparison: chosen, ...(encoding ? { encoding } : {}), all, cased, regexFlags };
}
