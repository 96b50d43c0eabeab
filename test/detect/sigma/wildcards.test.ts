import { fieldMatcher } from './sigma-helpers';

describe('Sigma string values', () => {
  it('match the whole value, ignoring case, when they have no wildcard', () => {
    const matches = fieldMatcher('eventName', 'StopLogging');
    expect(matches({ eventName: 'StopLogging' })).toBe(true);
    expect(matches({ eventName: 'stoplogging' })).toBe(true);
    expect(matches({ eventName: 'StopLoggingNow' })).toBe(false);
    expect(matches({ eventName: 'xStopLogging' })).toBe(false);
  });

  it('treat * as any run of characters, anywhere in the value', () => {
    const matches = fieldMatcher('eventName', 'Delete*Policy');
    expect(matches({ eventName: 'DeleteBucketPolicy' })).toBe(true);
    expect(matches({ eventName: 'DeletePolicy' })).toBe(true);
    expect(matches({ eventName: 'DeleteBucketPolicyVersion' })).toBe(false);
  });

  it('treat ? as exactly one character', () => {
    const matches = fieldMatcher('awsRegion', 'us-east-?');
    expect(matches({ awsRegion: 'us-east-1' })).toBe(true);
    expect(matches({ awsRegion: 'us-east-' })).toBe(false);
    expect(matches({ awsRegion: 'us-east-12' })).toBe(false);
  });

  it('count ? as one character even outside the basic multilingual plane', () => {
    expect(fieldMatcher('userAgent', 'a?b')({ userAgent: 'a😀b' })).toBe(true);
  });

  it('match a lone * against any present value but not a missing one', () => {
    const matches = fieldMatcher('errorCode', '*');
    expect(matches({ errorCode: 'AccessDenied' })).toBe(true);
    expect(matches({ errorCode: '' })).toBe(true);
    expect(matches({})).toBe(false);
  });

  it('read \\* and \\? as the plain characters', () => {
    const matches = fieldMatcher('requestParameters.policyName', 'all\\*\\?');
    expect(matches({ requestParameters: { policyName: 'all*?' } })).toBe(true);
    expect(matches({ requestParameters: { policyName: 'allXY' } })).toBe(false);
  });

  it('read \\\\ as one backslash and a backslash before anything else as itself', () => {
    expect(fieldMatcher('path', 'C:\\\\Windows')({ path: 'C:\\Windows' })).toBe(true);
    expect(fieldMatcher('path', 'C:\\Windows')({ path: 'C:\\Windows' })).toBe(true);
  });

  it('read \\\\* as a backslash followed by a wildcard', () => {
    const matches = fieldMatcher('path', 'dir\\\\*');
    expect(matches({ path: 'dir\\file' })).toBe(true);
    expect(matches({ path: 'dirfile' })).toBe(false);
  });

  it('keep regular-expression characters literal', () => {
    const matches = fieldMatcher('requestParameters.name', 'a.b(c)*[d]');
    expect(matches({ requestParameters: { name: 'a.b(c)xyz[d]' } })).toBe(true);
    expect(matches({ requestParameters: { name: 'aXb(c)xyz[d]' } })).toBe(false);
  });

  it('let * cross line breaks in multi-line values', () => {
    expect(fieldMatcher('userData', 'begin*end')({ userData: 'begin\nmiddle\nend' })).toBe(true);
  });
});
