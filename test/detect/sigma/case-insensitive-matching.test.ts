import fc from 'fast-check';
import { fieldMatcher } from './sigma-helpers';

/**
 * The matchers skip lower-casing when lengths rule a match out, and fold ASCII by hand; these
 * properties check that against the plain definition (`toLowerCase` both sides and compare),
 * including the characters whose lower case is odd: İ (grows), Kelvin sign K, final sigma.
 */
const tricky = fc.constantFrom('a', 'A', 'i', 'I', 'İ', '\u0307', 'K', 'k', '\u212A', 'ß', 's', 'S', 'Σ', 'σ', 'ς', 'é', 'É', '.', '-', '😀');
const trickyText = fc.string({ unit: tricky, maxLength: 6 });
const anyText = fc.string({ unit: 'binary', maxLength: 12 });
const noWildcards = (text: string): boolean => !/[*?\\]/.test(text);

/** A pattern and a value likely to be related: the pattern re-cased at random, maybe with text around it, or unrelated text. */
function patternAndValue(text: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> {
  return text.filter(noWildcards).chain((pattern) =>
    fc.oneof(
      fc.tuple(fc.constant(pattern), text),
      fc
        .tuple(fc.array(fc.boolean(), { minLength: pattern.length, maxLength: pattern.length }), text, text, fc.boolean())
        .map(([upper, before, after, wrap]): [string, string] => {
          const recased = [...pattern].map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase())).join('');
          return [pattern, wrap ? `${before}${recased}${after}` : recased];
        }),
    ),
  );
}

const reference = {
  equals: (value: string, pattern: string) => value.toLowerCase() === pattern.toLowerCase(),
  contains: (value: string, pattern: string) => value.toLowerCase().includes(pattern.toLowerCase()),
  startswith: (value: string, pattern: string) => value.toLowerCase().startsWith(pattern.toLowerCase()),
  endswith: (value: string, pattern: string) => value.toLowerCase().endsWith(pattern.toLowerCase()),
};

describe('case-insensitive matching', () => {
  for (const [comparison, expected] of Object.entries(reference)) {
    const key = comparison === 'equals' ? 'field' : `field|${comparison}`;

    it(`${comparison} agrees with lower-casing both sides, on tricky characters`, () => {
      fc.assert(
        fc.property(patternAndValue(trickyText), ([pattern, value]) => fieldMatcher(key, pattern)({ field: value }) === expected(value, pattern)),
        { numRuns: 300 },
      );
    });

    it(`${comparison} agrees with lower-casing both sides, on any text`, () => {
      fc.assert(
        fc.property(patternAndValue(anyText), ([pattern, value]) => fieldMatcher(key, pattern)({ field: value }) === expected(value, pattern)),
        { numRuns: 150 },
      );
    });
  }

  it('a list of plain values agrees with lower-casing both sides', () => {
    fc.assert(
      fc.property(
        fc.array(trickyText.filter(noWildcards), { minLength: 1, maxLength: 10 }),
        patternAndValue(trickyText),
        (patterns, [extra, value]) =>
          fieldMatcher('field', [...patterns, extra])({ field: value }) === [...patterns, extra].some((pattern) => reference.equals(value, pattern)),
      ),
      { numRuns: 300 },
    );
  });
});
