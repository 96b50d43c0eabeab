import type { DocumentPath } from './sigma-error';

/**
 * ATT&CK Enterprise tactics as Sigma names them (`attack.stealth`) → tactic ids. ATT&CK v17+
 * renamed Defense Evasion (TA0005) to Stealth and added Defense Impairment (TA0112); the old name
 * stays accepted because most published rules still carry it.
 */
const TACTICS: Readonly<Record<string, string>> = {
  reconnaissance: 'TA0043',
  resource_development: 'TA0042',
  initial_access: 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  privilege_escalation: 'TA0004',
  stealth: 'TA0005',
  defense_evasion: 'TA0005',
  defense_impairment: 'TA0112',
  credential_access: 'TA0006',
  discovery: 'TA0007',
  lateral_movement: 'TA0008',
  collection: 'TA0009',
  exfiltration: 'TA0010',
  command_and_control: 'TA0011',
  impact: 'TA0040',
};

const TECHNIQUE = /^t\d{4}(\.\d{3})?$/;
/** A tactic written by id (`attack.ta0005`), as some converters emit. */
const TACTIC_ID = /^ta\d{4}$/;
/** ATT&CK groups, software, campaigns, mitigations, data sources: valid tags with no place in Prowl's Tactic:Technique form. */
const OTHER_ATTACK_OBJECT = /^(g|s|c|m|ds|da)\d{4}$/;

/** A tag Prowl did not recognise: reported, never a reason to refuse the rule. */
export interface TagWarning {
  path: DocumentPath;
  message: string;
}

/**
 * Sigma tags → Prowl's `TA0005:T1562.008` form. Sigma lists tactics and techniques separately,
 * so every technique is paired with every tactic; a tactic without techniques stays `TA0005`, a
 * technique without tactics stays `T1562.008`. Tags outside the attack namespace (cve., car.,
 * tlp., detection.) and ATT&CK groups/software are not ATT&CK techniques; they stay on the
 * alert's context as the Sigma tags. An attack tag Prowl does not know (a typo, or a tactic newer
 * than this build) is a warning: the rule still loads and runs, because ATT&CK keeps changing and
 * a rule is worth more than its tag.
 */
export function attackTags(tags: readonly string[], warn: (warning: TagWarning) => void = () => undefined): string[] {
  const tactics: string[] = [];
  const techniques: string[] = [];
  tags.forEach((tag, index) => {
    const lower = tag.trim().toLowerCase();
    if (!lower.startsWith('attack.')) return;
    const name = lower.slice('attack.'.length).replace(/-/g, '_');
    if (Object.hasOwn(TACTICS, name)) tactics.push(TACTICS[name]!);
    else if (TACTIC_ID.test(name)) tactics.push(name.toUpperCase());
    else if (TECHNIQUE.test(name)) techniques.push(name.toUpperCase());
    else if (!OTHER_ATTACK_OBJECT.test(name)) {
      warn({
        path: ['tags', index],
        message: `"${tag}" is neither an ATT&CK technique (attack.t1078, attack.t1562.008) nor a known tactic, so it is left out of the alert's ATT&CK tags; tactics: ${[...new Set(Object.keys(TACTICS))].map((key) => `attack.${key.replace(/_/g, '-')}`).join(', ')}`,
      });
    }
  });
  const unique = (list: string[]): string[] => [...new Set(list)];
  if (techniques.length === 0) return unique(tactics);
  if (tactics.length === 0) return unique(techniques);
  return unique(tactics.flatMap((tactic) => techniques.map((technique) => `${tactic}:${technique}`)));
}
