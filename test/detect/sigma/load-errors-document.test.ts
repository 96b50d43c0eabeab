import { parseSigmaRule, SigmaLoadError } from '../../../src/detect/sigma';
import { loadError, sigmaDocument } from './sigma-helpers';

const detection = { selection: { eventName: 'StopLogging' }, condition: 'selection' };

describe('loading YAML that is not a Sigma rule', () => {
  it('rejects a document that is not a map', () => {
    expect(loadError('- just\n- a list\n').problems[0]).toMatchObject({ kind: 'document', message: expect.stringContaining('expected a Sigma rule') });
  });

  it('names each missing required field, with what is accepted', () => {
    const problems = loadError('description: nothing else\n').problems;
    expect(problems.map((problem) => problem.where)).toEqual(['title', 'logsource', 'detection', 'level']);
    expect(problems.every((problem) => problem.kind === 'document' && problem.message.startsWith('is required: '))).toBe(true);
  });

  it('rejects an unknown level or status, listing the accepted values, at their line', () => {
    const text = sigmaDocument(detection, { level: 'severe', status: 'beta' });
    const problems = loadError(text).problems;
    const level = problems.find((problem) => problem.where === 'level')!;
    expect(level.message).toBe('must be one of informational, low, medium, high, critical');
    expect(text.split('\n')[level.line! - 1]).toBe('level: severe');
    expect(problems.find((problem) => problem.where === 'status')?.message).toContain('"stable"');
  });

  it('rejects a title that gives no id', () => {
    expect(loadError(sigmaDocument(detection, { title: '!!!' })).problems[0]).toMatchObject({
      where: 'title',
      message: expect.stringContaining('no letters or digits'),
    });
  });

  it('rejects mistyped optional fields', () => {
    expect(loadError(sigmaDocument(detection, { tags: 'attack.t1078' })).problems[0]).toMatchObject({ where: 'tags' });
    expect(loadError(sigmaDocument(detection, { references: 'https://example.com' })).problems[0]).toMatchObject({ where: 'references' });
  });

  it('takes exactly one document in parseSigmaRule', () => {
    const two = `${sigmaDocument(detection, { title: 'One' })}---\n${sigmaDocument(detection, { title: 'Two' })}`;
    expect(() => parseSigmaRule(two, 'two.yml')).toThrow(SigmaLoadError);
    expect(() => parseSigmaRule(two, 'two.yml')).toThrow('holds 2 rules; parseSigmaRule takes one');
  });

  it('reports problems in every document of a file together', () => {
    const text = `${sigmaDocument(detection, { level: 'severe' })}---\n${sigmaDocument({ selection: { 'x|nope': 1 }, condition: 'selection' })}`;
    expect(loadError(text).problems.map((problem) => problem.kind)).toEqual(['document', 'modifier']);
  });
});
