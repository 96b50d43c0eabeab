import { readSigmaRules } from '../../../src/detect/sigma';
import { attackTags } from '../../../src/detect/sigma/attack-tags';
import { sigmaDocument, sigmaRule } from './sigma-helpers';
import { rulesDirectory } from './sigma-files';

const detection = { selection: { eventName: 'x' }, condition: 'selection' };

describe('ATT&CK tags', () => {
  it('maps the tactic names of ATT&CK v17 and later: stealth, defense-impairment, and defense-evasion kept as stealth', () => {
    expect(sigmaRule(detection, { tags: ['attack.stealth', 'attack.t1685'] }).tags).toEqual(['TA0005:T1685']);
    expect(sigmaRule(detection, { tags: ['attack.defense-impairment', 'attack.t1562.008'] }).tags).toEqual(['TA0112:T1562.008']);
    expect(sigmaRule(detection, { tags: ['attack.defense-evasion'] }).tags).toEqual(['TA0005']);
    expect(sigmaRule(detection, { tags: ['attack.ta0040', 'attack.t1485'] }).tags).toEqual(['TA0040:T1485']);
  });

  it('loads a rule whose attack tag is unknown, leaving the tag out and warning with the line and the known tactics', () => {
    const warnings: string[] = [];
    expect(attackTags(['attack.t1078', 'attack.defence_evasion', 'attack.t10780'], ({ message }) => warnings.push(message))).toEqual(['T1078']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"attack.defence_evasion" is neither an ATT&CK technique');
    expect(warnings[0]).toContain('attack.defense-impairment');
  });

  it('reports an unknown tag as a warning of the directory load, never as a skipped rule', () => {
    const dir = rulesDirectory();
    try {
      dir.write('typo.yml', sigmaDocument(detection, { tags: ['attack.persistance', 'attack.t1098'] }));
      const report = readSigmaRules(dir.root);
      expect(report.skipped).toEqual([]);
      expect(report.loaded.map(({ rule }) => rule.tags)).toEqual([['T1098']]);
      expect(report.warnings).toEqual([expect.objectContaining({ kind: 'tags', where: 'tags[0]', line: expect.any(Number), rule: 'Test Rule' })]);
    } finally {
      dir.remove();
    }
  });
});
