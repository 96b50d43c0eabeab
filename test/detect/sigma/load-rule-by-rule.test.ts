import { loadSigmaRules, readSigmaRules, SigmaLoadError } from '../../../src/detect/sigma';
import { sigmaDocument } from './sigma-helpers';
import { rulesDirectory } from './sigma-files';

const stop = { selection: { eventName: 'StopLogging' }, condition: 'selection' };
const broken = { selection: { 'eventName|containz': 'x' }, condition: 'selection' };

describe('loading a user’s Sigma folder rule by rule', () => {
  const dir = rulesDirectory();
  afterAll(() => dir.remove());
  dir.write('a_good.yml', sigmaDocument(stop, { title: 'Good One', id: 'good-1' }));
  const bad = dir.write('b_bad.yml', sigmaDocument(broken, { title: 'Bad One', id: 'bad-1' }));
  dir.write('c_yaml.yml', 'title: [unclosed');
  dir.write(
    'd_mixed.yml',
    `${sigmaDocument(stop, { title: 'Mixed Good', id: 'mixed-good' })}---\n${sigmaDocument(broken, { title: 'Mixed Bad', id: 'mixed-bad' })}`,
  );
  dir.write('e_duplicate.yml', sigmaDocument(stop, { title: 'Good One', id: 'good-2' }));

  const report = readSigmaRules(dir.root);

  it('loads every rule that compiles, including the good documents of a file with a bad one', () => {
    expect(report.loaded.map(({ rule }) => rule.id)).toEqual(['Sigma.AWS.CloudTrail.GoodOne', 'Sigma.AWS.CloudTrail.MixedGood']);
  });

  it('reports each rule left out with its file, line, title and reason', () => {
    const badLine =
      sigmaDocument(broken, { title: 'Bad One', id: 'bad-1' })
        .split('\n')
        .findIndex((line) => line.includes('eventName|containz')) + 1;
    expect(report.skipped).toEqual([
      expect.objectContaining({ kind: 'modifier', file: bad, line: badLine, rule: 'Bad One', message: expect.stringContaining('unknown modifier "containz"') }),
      expect.objectContaining({ kind: 'yaml', file: expect.stringMatching(/c_yaml\.yml$/), line: 1 }),
      expect.objectContaining({ kind: 'modifier', file: expect.stringMatching(/d_mixed\.yml$/), rule: 'Mixed Bad', line: expect.any(Number) }),
      expect.objectContaining({ kind: 'duplicate', file: expect.stringMatching(/e_duplicate\.yml$/), rule: 'Good One' }),
    ]);
    const mixedLine = report.skipped[2]!.line!;
    expect(mixedLine).toBeGreaterThan(sigmaDocument(stop, { title: 'Mixed Good', id: 'mixed-good' }).split('\n').length);
  });

  it('refuses the whole folder in strict mode, listing every problem', () => {
    expect(() => loadSigmaRules(dir.root, { strict: true })).toThrow(SigmaLoadError);
    try {
      loadSigmaRules(dir.root, { strict: true });
    } catch (error) {
      expect((error as SigmaLoadError).problems).toHaveLength(4);
    }
  });

  it('returns the rules that load in lenient mode', () => {
    expect(loadSigmaRules(dir.root, { strict: false }).map((rule) => rule.id)).toEqual(['Sigma.AWS.CloudTrail.GoodOne', 'Sigma.AWS.CloudTrail.MixedGood']);
  });
});

describe('attributing a license', () => {
  const dir = rulesDirectory();
  afterAll(() => dir.remove());
  dir.write('LICENSE', 'The rules are released under the [Detection Rule License (DRL) 1.1](https://github.com/SigmaHQ/Detection-Rule-License)');
  dir.write('cloud/aws/rule.yml', sigmaDocument(stop, { title: 'Attributed', id: 'attributed' }));
  dir.write('cloud/own.yml', sigmaDocument(stop, { title: 'Own License', id: 'own', license: 'MIT' }));

  it('takes the DRL from a LICENSE file above the rule, unless the rule names its own', () => {
    const rules = loadSigmaRules(dir.root);
    expect(rules.find((rule) => rule.id === 'Sigma.AWS.CloudTrail.Attributed')).toMatchObject({
      license: 'Detection Rule License (DRL) 1.1',
      author: 'Prowl tests',
    });
    expect(rules.find((rule) => rule.id === 'Sigma.AWS.CloudTrail.OwnLicense')).toMatchObject({ license: 'MIT' });
  });
});
