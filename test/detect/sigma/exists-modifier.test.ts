import { detectionError, fieldMatcher } from './sigma-helpers';

describe('the exists modifier', () => {
  it('with true, matches a field that is present and not null', () => {
    const matches = fieldMatcher('errorCode|exists', true);
    expect(matches({ errorCode: 'AccessDenied' })).toBe(true);
    expect(matches({ errorCode: '' })).toBe(true);
    expect(matches({ errorCode: null })).toBe(false);
    expect(matches({})).toBe(false);
  });

  it('with false, matches a field that is missing or null', () => {
    const matches = fieldMatcher('errorCode|exists', false);
    expect(matches({})).toBe(true);
    expect(matches({ errorCode: null })).toBe(true);
    expect(matches({ errorCode: 'AccessDenied' })).toBe(false);
  });

  it('looks through nested paths, where a missing parent means a missing field', () => {
    const matches = fieldMatcher('userIdentity.sessionContext.sessionIssuer.arn|exists', true);
    expect(matches({ userIdentity: { sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::1:role/x' } } } })).toBe(true);
    expect(matches({ userIdentity: { type: 'Root' } })).toBe(false);
  });

  it('counts an empty array as missing', () => {
    expect(fieldMatcher('resources|exists', true)({ resources: [] })).toBe(false);
  });

  it('takes only true or false', () => {
    const error = detectionError({ selection: { 'errorCode|exists': 'yes' }, condition: 'selection' });
    expect(error.problems[0]).toMatchObject({ kind: 'value', message: '"exists" takes true or false' });
  });
});
