import { loadSigmaRules } from '../../../src/detect/sigma';
import { sigmaDocument } from './sigma-helpers';
import { describeTrails, rulesDirectory, stopLogging, testsFile } from './sigma-files';

const stop = { selection: { eventName: 'StopLogging' }, condition: 'selection' };
const del = { selection: { eventName: 'DeleteTrail' }, condition: 'selection' };

describe('loading a directory of Sigma rules', () => {
  const dir = rulesDirectory();
  afterAll(() => dir.remove());

  dir.write('b_stop.yml', sigmaDocument(stop, { title: 'Logging Stopped', id: 'id-stop' }));
  dir.write(
    'b_stop.tests.yml',
    testsFile([
      { name: 'StopLogging matches', expect: true, event: stopLogging },
      { name: 'DescribeTrails does not match', expect: false, event: describeTrails },
    ]),
  );
  dir.write('nested/deeper/a_delete.yaml', sigmaDocument(del, { title: 'Trail Deleted', id: 'id-delete' }));
  dir.write(
    'two.yml',
    `${sigmaDocument(stop, { title: 'First Of Two', id: 'id-first' })}---\n${sigmaDocument(del, { title: 'Second Of Two', id: 'id-second' })}`,
  );
  dir.write(
    'two.tests.yml',
    testsFile([
      { name: 'first matches', rule: 'id-first', expect: true, event: stopLogging },
      { name: 'second ignores StopLogging', rule: 'Second Of Two', expect: false, event: stopLogging },
    ]),
  );
  dir.write('README.md', '# not a rule');
  dir.write('.hidden/ignored.yml', 'not: [valid');
  dir.write('.editor-swap.yml', 'not: [valid');

  const rules = loadSigmaRules(dir.root);

  it('loads .yml and .yaml files in every folder, in path order, as Sigma rules', () => {
    expect(rules.map((rule) => rule.id)).toEqual([
      'Sigma.AWS.CloudTrail.LoggingStopped',
      'Sigma.AWS.CloudTrail.TrailDeleted',
      'Sigma.AWS.CloudTrail.FirstOfTwo',
      'Sigma.AWS.CloudTrail.SecondOfTwo',
    ]);
    expect(rules.every((rule) => rule.origin === 'sigma')).toBe(true);
  });

  it('attaches the tests from the sibling .tests.yml file', () => {
    const rule = rules.find((one) => one.id === 'Sigma.AWS.CloudTrail.LoggingStopped')!;
    expect(rule.tests).toEqual([
      { name: 'StopLogging matches', expect: true, event: stopLogging },
      { name: 'DescribeTrails does not match', expect: false, event: describeTrails },
    ]);
  });

  it('gives each rule of a multi-rule file the tests that name it by Sigma id or title', () => {
    expect(rules.find((one) => one.id === 'Sigma.AWS.CloudTrail.FirstOfTwo')?.tests.map((test) => test.name)).toEqual(['first matches']);
    expect(rules.find((one) => one.id === 'Sigma.AWS.CloudTrail.SecondOfTwo')?.tests.map((test) => test.name)).toEqual(['second ignores StopLogging']);
  });

  it('loads a rule without a tests file with no tests, leaving coverage to the test runner', () => {
    expect(rules.find((one) => one.id === 'Sigma.AWS.CloudTrail.TrailDeleted')?.tests).toEqual([]);
  });

  it('returns rules whose compiled matcher works', () => {
    expect(rules[0]!.rule(stopLogging as never)).toBe(true);
    expect(rules[0]!.rule(describeTrails as never)).toBe(false);
  });
});
