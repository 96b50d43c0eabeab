import { detectionError } from './sigma-helpers';

const problemFor = (key: string, value: unknown = 'x'): { kind: string; where?: string; message: string } => detectionError({ selection: { [key]: value }, condition: 'selection' }).problems[0]!;

describe('loading bad modifiers', () => {
  it('rejects an unknown modifier, naming it and listing the accepted ones', () => {
    expect(problemFor('eventName|containz')).toMatchObject({
      kind: 'modifier',
      where: 'detection.selection.eventName|containz',
      message: expect.stringMatching(/^unknown modifier "containz"; accepted: contains, startswith, endswith, all, re/),
    });
  });

  it('says why a known Sigma modifier is not supported', () => {
    expect(problemFor('eventName|wide|base64offset|contains').message).toContain('modifier "wide" is not supported by Prowl: UTF-16 encodings are for Windows logs');
    expect(problemFor('eventName|fieldref').message).toContain('comparing two fields is not supported');
  });

  it('rejects two comparisons on one field', () => {
    expect(problemFor('eventName|contains|startswith').message).toBe('modifiers "contains" and "startswith" cannot be combined; use one comparison per field');
  });

  it('rejects an encoding after the comparison it should feed', () => {
    expect(problemFor('eventName|contains|base64').message).toBe('"base64" must come before "contains" (e.g. base64|contains)');
  });

  it('rejects an encoding with a comparison it cannot feed', () => {
    expect(problemFor('eventName|base64|re').message).toContain('"base64" only works with plain, contains, startswith or endswith matching');
  });

  it('rejects regex flags without re, and cased with re', () => {
    expect(problemFor('eventName|contains|i').message).toBe('"i" is a flag of "re" and must follow it (re|i)');
    expect(problemFor('eventName|re|cased').message).toContain('use re|i for case-insensitive');
  });

  it('rejects exists with anything else, and a modifier given twice', () => {
    expect(problemFor('errorCode|exists|all', true).message).toBe('"exists" takes no other modifier');
    expect(problemFor('eventName|all|all').message).toBe('modifier "all" is given twice');
  });

  it('rejects an empty modifier', () => {
    expect(problemFor('eventName||contains').message).toContain('empty modifier');
  });
});
