import { detectionError } from './sigma-helpers';

const problemFor = (key: string, value: unknown = 'x'): { kind: string; where?: string; message: string } =>
  detectionError({ selection: { [key]: value }, condition: 'selection' }).problems[0]!;

describe('loading bad modifiers', () => {
  it('rejects an unknown modifier, naming it and listing the accepted ones', () => {
    expect(problemFor('eventName|containz')).toMatchObject({
      kind: 'modifier',
      where: 'detection.selection.eventName|containz',
      message: expect.stringMatching(
        /^unknown modifier "containz"; accepted: contains, startswith, endswith, all, exists, cased, neq, windash, re .*, fieldref$/,
      ),
    });
  });

  it('says why expand, the one Sigma modifier that needs a converter pipeline, is not supported', () => {
    expect(problemFor('eventName|expand', '%admins%').message).toContain(
      'modifier "expand" is not supported by Prowl: its placeholders (%name%) are filled by a converter',
    );
  });

  it('rejects combinations of the newer modifiers that cannot mean anything', () => {
    expect(problemFor('eventName|neq|contains').message).toBe('"neq" is a comparison of its own and cannot be combined with "contains"');
    expect(problemFor('eventName|neq|gt', 1).message).toBe('"neq" and "gt" cannot be combined; use one comparison per field');
    expect(problemFor('eventTime|hour|contains', 1).message).toContain('"hour" compares a number and works with plain matching, neq, gt, gte, lt or lte');
    expect(problemFor('eventTime|gte|hour', 1).message).toBe('"hour" must come before "gte" (e.g. hour|gte)');
    expect(problemFor('userIdentity.arn|fieldref|base64').message).toContain('"fieldref" compares with another field\'s value as it is');
    expect(problemFor('eventName|base64|wide').message).toBe('"wide" must come before "base64" (e.g. wide|base64offset|contains)');
    expect(problemFor('eventName|wide|re').message).toContain('"utf16le" only works with plain, contains, startswith or endswith matching');
  });

  it('rejects a field modifier on keywords', () => {
    expect(detectionError({ keywords: { '|fieldref': 'eventName' }, condition: 'keywords' }).problems[0]?.message).toBe(
      '"fieldref" needs a field; keywords search values, not fields',
    );
  });

  it('rejects a fieldref value that is not a field name, and a time part that is not a whole number', () => {
    expect(problemFor('userIdentity.arn|fieldref', 'a..b').message).toContain('"fieldref" takes a field name such as requestParameters.userName');
    expect(problemFor('eventTime|hour', 'three').message).toBe('"hour" compares a whole number, not string "three"');
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
