import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../detections';
import { policies } from '../../detections/policies';

/**
 * The Panther parity table in detections/README.md names Prowl rules; a renamed or removed rule
 * must not leave the table pointing at nothing.
 */

const DETECTIONS_DIR = join(__dirname, '..', '..', 'detections');
const readme = readFileSync(join(DETECTIONS_DIR, 'README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.indexOf(`## ${heading}`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

const parity = section('Panther parity');
const rows = parity.split('\n').filter((line) => line.startsWith('| `'));
const ids = new Set(rules.map((rule) => rule.id));
const policyIds = new Set(policies.map((policy) => policy.id));

/** `Name` is short for AWS.CloudTrail.Name; full ids (AWS.GuardDuty.…) are written out. */
function known(name: string): boolean {
  return ids.has(name) || ids.has(`AWS.CloudTrail.${name}`);
}

describe('the Panther parity table', () => {
  it('has a row per Panther rule, each with a Prowl rule or a reason', () => {
    expect(rows.length).toBeGreaterThanOrEqual(130);
    for (const row of rows) {
      const [, panther = '', prowl = '', note = ''] = row.split('|').map((cell) => cell.trim());
      expect(panther).toMatch(/^`[a-z0-9_]+`$/);
      expect(prowl === '—' ? note.length : prowl.length).toBeGreaterThan(0);
    }
  });

  it('names only rules that exist in the pack or in detections/sigma', () => {
    const named = rows.flatMap((row) =>
      [...(row.split('|')[2] ?? '').matchAll(/(Sigma )?`([^`]+)`/g)].map((match) => ({ sigma: Boolean(match[1]), name: match[2]! })),
    );
    const missing = named.filter(({ sigma, name }) => (sigma ? !existsSync(join(DETECTIONS_DIR, 'sigma', `${name}.yml`)) : !known(name)));
    expect(missing).toEqual([]);
  });

  /**
   * Rows of the settings table: `| AWS.CloudTrail.A, B, C | \`setting\`, … | fallback |`, names
   * after the first sharing its prefix; a trailing "(policy)" or "(severity only)" is a note.
   */
  const settingRows = section('Rules that need organisation settings')
    .split('\n')
    .filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| Rule |'))
    .map((line) => {
      const [, names = '', settings = ''] = line.split('|').map((cell) => cell.trim());
      const listed = names.split(',').map((name) => name.trim().replace(/\s*\(.*\)$/, ''));
      const prefix = listed[0]!.split('.').slice(0, -1).join('.');
      const ids = listed.map((name, index) => (index === 0 ? name : `${prefix}.${name}`));
      const declared = settings.startsWith('—') ? [] : [...settings.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!);
      return { ids, declared, policy: names.includes('(polic') };
    });

  it('names in the settings table only rules and policies that exist', () => {
    const missing = settingRows.flatMap((row) => row.ids.filter((id) => !ids.has(id) && !(row.policy && policyIds.has(id))));
    expect(missing).toEqual([]);
  });

  it('lists a rule under a setting only when the rule declares it in requiresSettings', () => {
    const undeclared = settingRows.flatMap((row) =>
      row.ids.flatMap((id) => {
        const rule = rules.find((candidate) => candidate.id === id);
        if (!rule) return [];
        return row.declared.filter((setting) => !(rule.requiresSettings ?? []).some((name) => name === setting)).map((setting) => `${id} (${setting})`);
      }),
    );
    expect(undeclared).toEqual([]);
  });

  it('lists every rule that reads organisation settings, so the fallback is documented', () => {
    const listed = new Set(settingRows.flatMap((row) => row.ids));
    expect(rules.filter((rule) => (rule.requiresSettings ?? []).length > 0 && !listed.has(rule.id)).map((rule) => rule.id)).toEqual([]);
  });
});
