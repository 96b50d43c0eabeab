import { windashVariants } from '../../../src/detect/sigma/windash';
import { fieldMatcher } from './sigma-helpers';

describe('the windash modifier', () => {
  it('matches a flag written with a dash, a slash, an en dash, an em dash or a horizontal bar', () => {
    const matches = fieldMatcher('requestParameters.parameters.commands|windash|contains', 'powershell -enc');
    for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015'])
      expect(matches({ requestParameters: { parameters: { commands: [`powershell ${dash}enc AAAA`] } } })).toBe(true);
    expect(matches({ requestParameters: { parameters: { commands: ['powershell enc AAAA'] } } })).toBe(false);
  });

  it('varies only flags (after a space or at the start), so paths keep their slashes, in every combination', () => {
    expect(windashVariants('/usr/bin/x -a')).toHaveLength(25);
    expect(windashVariants('/usr/bin/x -a')).toContain('\u2013usr/bin/x /a');
    expect(windashVariants('no flags here')).toEqual(['no flags here']);
  });
});

describe('the UTF-16 modifiers (utf16le, wide, utf16be, utf16)', () => {
  const b64 = (bytes: Buffer): string => bytes.toString('base64');

  it('wide|base64offset|contains finds a UTF-16LE string inside base64 text, as PowerShell -EncodedCommand carries it', () => {
    const matches = fieldMatcher('requestParameters.command|wide|base64offset|contains', 'Invoke-WebRequest');
    for (const prefix of ['', 'x', 'xy'])
      expect(matches({ requestParameters: { command: b64(Buffer.from(`${prefix}Invoke-WebRequest http://x`, 'utf16le')) } })).toBe(true);
    expect(matches({ requestParameters: { command: b64(Buffer.from('Invoke-WebRequest', 'utf8')) } })).toBe(false);
  });

  it('utf16be and utf16 (with a byte order mark) encode as named', () => {
    const be = Buffer.from('cmd', 'utf16le').swap16();
    expect(fieldMatcher('data|utf16be|base64', 'cmd')({ data: b64(be) })).toBe(true);
    expect(fieldMatcher('data|utf16|base64', 'cmd')({ data: b64(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cmd', 'utf16le')])) })).toBe(true);
  });

  it('without base64, match the UTF-16 bytes as a log shows them undecoded', () => {
    expect(fieldMatcher('data|wide|contains', 'cmd')({ data: 'x c\u0000m\u0000d\u0000 y' })).toBe(true);
  });
});
