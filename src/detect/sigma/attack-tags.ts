import { DocumentProblem } from './sigma-error';

/** ATT&CK Enterprise tactics as Sigma names them (`attack.defense_evasion`) → tactic ids. */
const TACTICS: Readonly<Record<string, string>> = {
  reconnaissance: 'TA0043',
  resource_development: 'TA0042',
  initial_access: 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  privilege_escalation: 'TA0004',
  defense_evasion: 'TA0005',
  credential_access: 'TA0006',
  discovery: 'TA0007',
  lateral_movement: 'TA0008',
  collection: 'TA0009',
  exfiltration: 'TA0010',
  command_and_control: 'TA0011',
  impact: 'TA0040',
};

const TECHNIQUE = /^t\d{4}(\.\d{3})?$/;
/** ATT&CK groups, software and campaigns: valid Sigma tags with no place in Prowl's Tactic:Technique form. */
const OTHER_ATTACK_OBJECT = /^[gsc]\d{4}$/;

/**
 * Sigma tags → Prowl's `TA0005:T1562.008` form. Sigma lists tactics and techniques separately,
 * so every technique is paired with every tactic; a tactic without techniques stays `TA0005`, a
 * technique without tactics stays `T1562.008`. Tags outside the attack namespace (cve., car.,
 * tlp., detection.) and ATT&CK groups/software are not ATT&CK techniques; they stay on the
 * alert's context as the Sigma tags. An attack tag that names no tactic or technique is an error:
 * it is a typo, and ignoring it would hide the rule from anyone filtering by tactic.
 */
export function attackTags(tags: readonly string[]): string[] {
  const tactics: string[] = [];
  const techniques: string[] = [];
  tags.forEach((tag, index) => {
    const lower = tag.trim().toLowerCase();
    if (!lower.startsWith('attack.')) return;
    const name = lower.slice('attack.'.length).replace(/-/g, '_');
    if (Object.hasOwn(TACTICS, name)) tactics.push(TACTICS[name]!);
    else if (TECHNIQUE.test(name)) techniques.push(name.toUpperCase());
    else if (!OTHER_ATTACK_OBJECT.test(name)) {
      throw new DocumentProblem(
        'tags',
        ['tags', index],
        `"${tag}" is neither an ATT&CK technique (attack.t1078, attack.t1562.008) nor a tactic; tactics: ${Object.keys(TACTICS).map((key) => `attack.${key}`).join(', ')}`,
      );
    }
  });
  const unique = (list: string[]): string[] => [...new Set(list)];
  if (techniques.length === 0) return unique(tactics);
  if (tactics.length === 0) return unique(techniques);
  return unique(tactics.flatMap((tactic) => techniques.map((technique) => `${tactic}:${technique}`)));
}
