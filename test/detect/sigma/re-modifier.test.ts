import { detectionError, fieldMatcher } from './sigma-helpers';

describe('the re modifier', () => {
  it('searches anywhere in the value unless the expression is anchored', () => {
    expect(fieldMatcher('userAgent|re', 'kali|parrot')({ userAgent: 'aws-cli/2 os/linux#6.1.0-kali9' })).toBe(true);
    expect(fieldMatcher('userAgent|re', '^kali')({ userAgent: 'aws-cli/2 os/linux#6.1.0-kali9' })).toBe(false);
  });

  it('is case-sensitive by default', () => {
    const matches = fieldMatcher('eventName|re', '^Delete[A-Z]');
    expect(matches({ eventName: 'DeleteTrail' })).toBe(true);
    expect(matches({ eventName: 'deleteTrail' })).toBe(false);
  });

  it('ignores case with re|i', () => {
    expect(fieldMatcher('eventName|re|i', '^delete')({ eventName: 'DeleteTrail' })).toBe(true);
  });

  it('turns a leading (?i) into the flag, as PCRE-style rules write it', () => {
    expect(fieldMatcher('eventName|re', '(?i)^delete')({ eventName: 'DeleteTrail' })).toBe(true);
  });

  it('anchors at each line with re|m', () => {
    const value = { userData: 'first\nsecond' };
    expect(fieldMatcher('userData|re', '^second$')(value)).toBe(false);
    expect(fieldMatcher('userData|re|m', '^second$')(value)).toBe(true);
  });

  it('lets . match a line break with re|s', () => {
    const value = { userData: 'curl\nbash' };
    expect(fieldMatcher('userData|re', 'curl.bash')(value)).toBe(false);
    expect(fieldMatcher('userData|re|s', 'curl.bash')(value)).toBe(true);
  });

  it('tests numbers in the event as text', () => {
    expect(fieldMatcher('requestParameters.port|re', '^(22|3389)$')({ requestParameters: { port: 3389 } })).toBe(true);
  });

  it('fails to load an expression JavaScript cannot compile, naming it', () => {
    const error = detectionError({ selection: { 'eventName|re': '([a-z]' }, condition: 'selection' });
    expect(error.problems).toEqual([
      expect.objectContaining({
        kind: 'value',
        where: 'detection.selection.eventName|re',
        message: expect.stringContaining('invalid regular expression /([a-z]/'),
      }),
    ]);
  });
});
