import { detectionError } from './sigma-helpers';

const searches = { selection: { eventName: 'StopLogging' }, filter_failed: { 'errorCode|exists': true } };
const messageFor = (condition: unknown): string => {
  const problem = detectionError({ ...searches, condition }).problems[0]!;
  expect(problem.kind).toBe('condition');
  return problem.message;
};

describe('loading bad conditions', () => {
  it('rejects an identifier that is not defined, listing the defined ones', () => {
    expect(messageFor('selection and not filter')).toBe(
      'condition "selection and not filter" names "filter", which is not a search identifier; defined: selection, filter_failed (column 19)',
    );
  });

  it('rejects a pattern that matches no identifier', () => {
    expect(messageFor('selection and not 1 of exclude_*')).toContain('has "exclude_*", which matches no search identifier');
  });

  it('rejects unbalanced parentheses', () => {
    expect(messageFor('(selection and not filter_failed')).toContain('has "(" at column 1 without a matching ")"');
    expect(messageFor('selection)')).toContain('has ")" where an operator (and, or) or the end was expected (column 10)');
  });

  it('rejects a condition that ends early or has two identifiers in a row', () => {
    expect(messageFor('selection and')).toContain('ends early');
    expect(messageFor('selection filter_failed')).toContain('has "filter_failed" where an operator');
  });

  it('accepts only 1 of and all of', () => {
    expect(messageFor('2 of filter_*')).toContain('has "2 of"; only "1 of" and "all of" are accepted');
  });

  it('rejects a pattern used without 1 of or all of', () => {
    expect(messageFor('filter_*')).toContain('patterns go after "1 of" or "all of"');
  });

  it('rejects an operator where an identifier belongs', () => {
    expect(messageFor('selection and or filter_failed')).toContain('has "or" where a search identifier was expected');
  });

  it('rejects a detection with a condition but no search identifiers', () => {
    const problem = detectionError({ condition: 'selection' }).problems[0]!;
    expect(problem).toMatchObject({ kind: 'document', where: 'detection', message: expect.stringContaining('no search identifiers') });
  });

  it('rejects a missing or empty condition', () => {
    expect(detectionError({ ...searches }).problems[0]).toMatchObject({
      kind: 'document',
      where: 'detection.condition',
      message: expect.stringContaining('is required'),
    });
    expect(detectionError({ ...searches, condition: '' }).problems[0]).toMatchObject({ kind: 'document', where: 'detection.condition' });
    expect(messageFor('   ')).toContain('is empty');
  });
});
