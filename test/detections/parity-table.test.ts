import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../detections';

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
    const named = rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/(Sigma )?`([^`]+)`/g)].map((match) => ({ sigma: Boolean(match[1]), name: match[2]! })));
    const missing = named.filter(({ sigma, name }) => (sigma ? !existsSync(join(DETECTIONS_DIR, 'sigma', `${name}.yml`)) : !known(name)));
    expect(missing).toEqual([]);
  });

  it('lists a rule under a setting only when the rule declares it in requiresSettings', () => {
    const noise = section('Rules that need organisation settings');
    const undeclared = noise
      .split('\n')
      .filter((line) => /^\| `(organizationAccountIds|deploymentPrincipals)` \|/.test(line))
      .flatMap((line) => {
        const setting = /^\| `([A-Za-z]+)`/.exec(line)![1]!;
        const named = [...(line.split('|')[2] ?? '').matchAll(/`([A-Z][A-Za-z0-9.]+)`/g)].map((match) => match[1]!);
        return named.filter((name) => {
          const rule = rules.find((candidate) => candidate.id === name || candidate.id === `AWS.CloudTrail.${name}`);
          return !(rule?.requiresSettings ?? []).some((declared) => declared === setting);
        }).map((name) => `${name} (${setting})`);
      });
    expect(undeclared).toEqual([]);
  });

  it('names only existing rules in the settings table', () => {
    const noise = section('Rules that need organisation settings');
    const named = [...noise.matchAll(/`([A-Z][A-Za-z0-9.]+)`/g)].map((match) => match[1]!).filter((name) => !name.includes('…'));
    expect(named.filter((name) => !known(name))).toEqual([]);
  });
});
