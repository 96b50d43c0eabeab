import { detectionError, fieldMatcher } from './sigma-helpers';

describe('null values in a rule', () => {
  it('match a field that is missing or null', () => {
    const matches = fieldMatcher('errorCode', null);
    expect(matches({})).toBe(true);
    expect(matches({ errorCode: null })).toBe(true);
    expect(matches({ errorCode: 'AccessDenied' })).toBe(false);
    expect(matches({ errorCode: '' })).toBe(false);
  });

  it('match when the parent of the field is missing', () => {
    expect(fieldMatcher('userIdentity.sessionContext.sessionIssuer.type', null)({ userIdentity: { type: 'IAMUser' } })).toBe(true);
  });

  it('can sit in a list next to ordinary values', () => {
    const matches = fieldMatcher('errorCode', [null, 'NoSuchBucket']);
    expect(matches({})).toBe(true);
    expect(matches({ errorCode: 'NoSuchBucket' })).toBe(true);
    expect(matches({ errorCode: 'AccessDenied' })).toBe(false);
  });

  it('take no comparison modifier', () => {
    const error = detectionError({ selection: { 'errorCode|contains': null }, condition: 'selection' });
    expect(error.problems[0]).toMatchObject({ kind: 'value', message: 'null matches a missing field and takes no "contains" modifier' });
  });
});
