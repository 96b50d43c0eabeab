import { detectionError } from './sigma-helpers';

const problemIn = (detection: Record<string, unknown>): { kind: string; where?: string; message: string } =>
  detectionError({ ...detection, condition: 'selection' }).problems[0]!;

describe('loading values a selection cannot use', () => {
  it('rejects an empty list of values', () => {
    expect(problemIn({ selection: { eventName: [] } })).toMatchObject({
      kind: 'value',
      where: 'detection.selection.eventName',
      message: expect.stringContaining('empty list of values'),
    });
  });

  it('rejects a map as a field value, pointing to dotted names', () => {
    expect(problemIn({ selection: { userIdentity: { type: 'Root' } } }).message).toContain('use a dotted name (a.b.c)');
  });

  it('names the position of a bad value inside a list', () => {
    expect(problemIn({ selection: { eventName: ['StopLogging', ['nested']] } })).toMatchObject({ where: 'detection.selection.eventName[1]' });
  });

  it('rejects an empty selection, a null selection and an empty list of maps', () => {
    expect(problemIn({ selection: {} }).message).toBe('empty map; give at least one field');
    expect(problemIn({ selection: null }).message).toContain('not null');
    expect(problemIn({ selection: [] }).message).toContain('empty list');
  });

  it('rejects a boolean where a string comparison is asked for', () => {
    expect(problemIn({ selection: { 'readOnly|contains': true } }).message).toBe('"contains" needs a string, not boolean true');
  });

  it('rejects a field name with an empty part', () => {
    expect(problemIn({ selection: { 'userIdentity..type': 'Root' } }).message).toContain('has an empty part');
  });

  it('rejects null as a keyword', () => {
    expect(problemIn({ selection: ['miner', null] }).message).toContain('a keyword cannot be null');
  });

  it('rejects exists on keywords', () => {
    expect(problemIn({ selection: { '|exists': true } })).toMatchObject({ kind: 'modifier', message: expect.stringContaining('"exists" needs a field') });
  });
});
