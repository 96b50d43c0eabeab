import { fieldMatcher } from './sigma-helpers';

describe('the cased modifier', () => {
  it('makes plain values case-sensitive', () => {
    const matches = fieldMatcher('eventName|cased', 'StopLogging');
    expect(matches({ eventName: 'StopLogging' })).toBe(true);
    expect(matches({ eventName: 'stoplogging' })).toBe(false);
  });

  it('combines with contains, startswith and endswith', () => {
    expect(fieldMatcher('userAgent|contains|cased', 'Pacu')({ userAgent: 'x Pacu y' })).toBe(true);
    expect(fieldMatcher('userAgent|contains|cased', 'Pacu')({ userAgent: 'x pacu y' })).toBe(false);
    expect(fieldMatcher('eventName|startswith|cased', 'Put')({ eventName: 'putObject' })).toBe(false);
    expect(fieldMatcher('eventName|endswith|cased', 'Policy')({ eventName: 'PutBucketPolicy' })).toBe(true);
  });

  it('keeps wildcards working', () => {
    const matches = fieldMatcher('eventName|cased', 'Put*Policy');
    expect(matches({ eventName: 'PutBucketPolicy' })).toBe(true);
    expect(matches({ eventName: 'putBucketPolicy' })).toBe(false);
  });
});
