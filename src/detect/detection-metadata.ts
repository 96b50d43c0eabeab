import type { DetectionSettingName } from '../config/detection-settings';
import type { Severity } from '../config/severity';

/** The three kinds of detection Prowl runs, under one contract. */
export type DetectionKind = 'rule' | 'policy' | 'sigma';

/**
 * What every detection — TypeScript rule, Sigma rule or policy — carries besides its logic and
 * tests: what a responder reads on the alert, and what the catalog test holds the pack to.
 */
export interface DetectionMetadata {
  /** What the detection watches, then its name, in the one id grammar (detection-id.ts); in the pack, the file is the id in snake case. */
  id: string;
  severity: Severity;
  description: string;
  /** What to check and what to do; shown on the alert. */
  runbook: string;
  reference?: string;
  /** MITRE ATT&CK as Tactic:Technique, e.g. TA0005:T1562.008. */
  tags: string[];
  team?: string;
  /** Organisation settings the detection reads; when one is empty, Prowl says so at start. */
  requiresSettings?: readonly DetectionSettingName[];
}
