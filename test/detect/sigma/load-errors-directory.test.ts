import { loadSigmaRules, SigmaLoadError } from '../../../src/detect/sigma';
import { sigmaDocument } from './sigma-helpers';
import { rulesDirectory, stopLogging, testsFile } from './sigma-files';

const stop = { selection: { eventName: 'StopLogging' }, condition: 'selection' };

function problemsLoading(files: Record<string, string>): SigmaLoadError['problems'] {
  const dir = rulesDirectory();
  try {
    for (const [path, text] of Object.entries(files)) dir.write(path, text);
    loadSigmaRules(dir.root);
  } catch (error) {
    if (error instanceof SigmaLoadError) return error.problems.map((problem) => ({ ...problem, file: problem.file.slice(dir.root.length + 1) }));
    throw error;
  } finally {
    dir.remove();
  }
  throw new Error('expected the directory not to load');
}

describe('loading a directory with problems', () => {
  it('reports every broken file at once instead of stopping at the first', () => {
    const problems = problemsLoading({
      'a.yml': 'title: [',
      'b.yml': sigmaDocument({ selection: { 'x|bad': 1 }, condition: 'selection' }),
      'c.yml': sigmaDocument(stop),
    });
    expect(problems.map((problem) => [problem.file, problem.kind])).toEqual([
      ['a.yml', 'yaml'],
      ['b.yml', 'modifier'],
    ]);
  });

  it('rejects a directory that does not exist, or a file given as one', () => {
    expect(() => loadSigmaRules('/nonexistent/prowl-sigma')).toThrow(/\/nonexistent\/prowl-sigma: cannot read the Sigma rules directory/);
    expect(() => loadSigmaRules(__filename)).toThrow('is not a directory');
  });

  it('rejects two rules that would get the same Prowl id', () => {
    const problems = problemsLoading({
      'a.yml': sigmaDocument(stop, { title: 'Trail stopped', id: 'one' }),
      'b.yml': sigmaDocument(stop, { title: 'Trail Stopped!', id: 'two' }),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'duplicate',
        file: 'b.yml',
        message: expect.stringMatching(/rule id Sigma\.AWS\.CloudTrail\.TrailStopped .*is already used by .*a\.yml/),
      }),
    ]);
  });

  it('rejects two rules with the same Sigma id', () => {
    const problems = problemsLoading({
      'a.yml': sigmaDocument(stop, { title: 'One', id: 'same' }),
      'b.yml': sigmaDocument(stop, { title: 'Two', id: 'same' }),
    });
    expect(problems).toEqual([expect.objectContaining({ kind: 'duplicate', where: 'id', message: expect.stringContaining('Sigma id same is already used') })]);
  });

  it('rejects a tests file with no rule beside it', () => {
    const problems = problemsLoading({ 'a.yml': sigmaDocument(stop), 'typo.tests.yml': testsFile([{ name: 'x', expect: true, event: stopLogging }]) });
    expect(problems).toEqual([expect.objectContaining({ kind: 'tests', file: 'typo.tests.yml', message: expect.stringContaining('expected') })]);
  });

  it('rejects a test event that is not a valid event of the rule’s log type, at its line', () => {
    const tests = testsFile([{ name: 'no time', expect: true, event: { ...stopLogging, eventTime: 'yesterday' } }]);
    const problems = problemsLoading({ 'a.yml': sigmaDocument(stop), 'a.tests.yml': tests });
    const line = tests.split('\n').findIndex((text) => text.includes('eventTime: yesterday')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'tests',
        file: 'a.tests.yml',
        where: 'tests[0].event.eventTime',
        line,
        message: expect.stringContaining('not a valid AWS.CloudTrail event: '),
      }),
    ]);
  });

  it('rejects malformed tests: missing fields, unknown keys, repeated names', () => {
    const problems = problemsLoading({
      'a.yml': sigmaDocument(stop),
      'a.tests.yml': testsFile([
        { name: 'same', expect: true, event: stopLogging },
        { name: 'same', expect: false, event: stopLogging },
      ]),
      'b.yml': sigmaDocument(stop, { title: 'Other', id: 'other' }),
      'b.tests.yml': 'tests:\n  - name: no expectation\n    event: {}\n    extra: 1\n',
    });
    expect(problems.map((problem) => [problem.file, problem.where, problem.message])).toEqual([
      ['a.tests.yml', 'tests[1].name', expect.stringContaining('test name "same" is used twice')],
      ['b.tests.yml', 'tests[0].expect', 'expect must be true (the rule matches) or false (it does not)'],
      ['b.tests.yml', 'tests[0]', expect.stringContaining('extra')],
    ]);
  });

  it('requires tests for a multi-rule file to name their rule', () => {
    const two = `${sigmaDocument(stop, { title: 'One', id: 'one' })}---\n${sigmaDocument(stop, { title: 'Two', id: 'two' })}`;
    const problems = problemsLoading({
      'two.yml': two,
      'two.tests.yml': testsFile([
        { name: 'x', expect: true, event: stopLogging },
        { name: 'y', rule: 'three', expect: true, event: stopLogging },
      ]),
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'the rule file holds 2 rules; say which with rule: (one of one, two)',
      'no rule "three" in the rule file; rules: one, two',
    ]);
  });
});
