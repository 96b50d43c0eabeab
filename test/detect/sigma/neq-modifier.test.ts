import { fieldMatcher } from './sigma-helpers';

describe('the neq modifier', () => {
  it('matches a present field that differs from every value, case-insensitively', () => {
    const matches = fieldMatcher('userIdentity.type|neq', ['AssumedRole', 'AWSService']);
    expect(matches({ userIdentity: { type: 'IAMUser' } })).toBe(true);
    expect(matches({ userIdentity: { type: 'assumedrole' } })).toBe(false);
    expect(matches({ userIdentity: { type: 'AWSService' } })).toBe(false);
  });

  it('does not match a missing field: its value is unknown, not different', () => {
    expect(fieldMatcher('errorCode|neq', 'AccessDenied')({ eventName: 'GetObject' })).toBe(false);
  });

  it('compares numbers and respects cased', () => {
    expect(fieldMatcher('responseElements.count|neq', 0)({ responseElements: { count: 3 } })).toBe(true);
    expect(fieldMatcher('responseElements.count|neq', 3)({ responseElements: { count: 3 } })).toBe(false);
    expect(fieldMatcher('eventName|neq|cased', 'StopLogging')({ eventName: 'stoplogging' })).toBe(true);
  });
});
