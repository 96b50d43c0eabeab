import fc from 'fast-check';
import { requiredLiteral } from '../../../src/detect/sigma/regex-literal';
import { fieldMatcher } from './sigma-helpers';

describe('the literal every match of a regex must contain', () => {
  it('finds the longest plain run outside groups, classes and quantified characters', () => {
    expect(requiredLiteral('.+:assumed-role/aws:.+')).toBe(':assumed-role/aws:');
    expect(requiredLiteral('^arn:aws:iam::\\d{12}:root$')).toBe('arn:aws:iam::');
    expect(requiredLiteral('abcd+efg')).toBe('abc');
    expect(requiredLiteral('curl\\s+-s')).toBe('curl');
    expect(requiredLiteral('a\\.b\\.c')).toBe('a.b.c');
    expect(requiredLiteral('x{2,}yz[abc]def')).toBe('def');
  });

  it('gives up when it cannot be sure', () => {
    expect(requiredLiteral('foo|barbaz')).toBeUndefined();
    expect(requiredLiteral('(optional)?x')).toBeUndefined();
    expect(requiredLiteral('\\x41\\x42\\x43')).toBeUndefined();
    expect(requiredLiteral('ab')).toBeUndefined();
  });

  it('never changes what a regex matches (property over generated patterns and values)', () => {
    const alphabet = fc.constantFrom('a', 'b', ':', '/', '.', '*', '+', '?', '(', ')', '[', ']', '\\.', '\\d', '{2}', '^', '$', 'A');
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'A', ':', '/', '.', '1', 'x'), maxLength: 16 }),
        fc.boolean(),
        (parts, text, ignoreCase) => {
          const source = parts.join('');
          let regex: RegExp;
          try {
            regex = new RegExp(source, ignoreCase ? 'i' : '');
          } catch {
            return;
          }
          const literal = requiredLiteral(source);
          if (literal !== undefined && regex.test(text))
            expect((ignoreCase ? text.toLowerCase() : text).includes(ignoreCase ? literal.toLowerCase() : literal)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps |re matching as before, case-insensitive ones included', () => {
    expect(fieldMatcher('userIdentity.arn|re', '.+:assumed-role/aws:.+')({ userIdentity: { arn: 'arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1' } })).toBe(
      true,
    );
    expect(fieldMatcher('userIdentity.arn|re', '.+:assumed-role/aws:.+')({ userIdentity: { arn: 'arn:aws:sts::1:assumed-role/admin/alice' } })).toBe(false);
    expect(fieldMatcher('userAgent|re|i', 'TRUFFLEHOG')({ userAgent: 'x trufflehog y' })).toBe(true);
  });
});
