import { createHash } from 'node:crypto';
import type { Severity } from '../../config/severity';
import type { NormalizedEvent } from '../../logs/log-type';
import type { LogTypeName } from '../../logs/registry';
import { DETECTION_ID_GRAMMAR, isDetectionId, SIGMA_NAMESPACE } from '../detection-id';
import { DEFAULT_DEDUP_PERIOD_MINUTES, type Rule } from '../rule';
import { attackTags } from './attack-tags';
import { compileCondition } from './condition';
import { compileFieldPath } from './field-path';
import { logTypeFor } from './logsource';
import type { SigmaRuleDocument } from './rule-document';
import { prefilterOf, requirementsOf } from './requirements';
import { anyOfPredicates, compileSearch, type EventPredicate } from './selection';
import { DocumentProblem } from './sigma-error';

/** A loaded Sigma rule: the Prowl rule plus the Sigma identity tests files and correlations refer to. */
export interface CompiledSigmaRule {
  rule: Rule;
  logType: LogTypeName;
  sigmaId: string | undefined;
  /** Sigma's `name`, by which correlation rules may refer to the rule. */
  name: string | undefined;
  title: string;
  /** Things worth telling the author that do not stop the rule from running (unknown ATT&CK tags). */
  warnings: DocumentProblem[];
}

/** Where the license comes from when the rule does not name one: a LICENSE file beside the rules. */
export interface CompileOptions {
  license?: string;
}

const SEVERITY: Readonly<Record<SigmaRuleDocument['level'], Severity>> = {
  informational: 'INFO',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
};

/**
 * The Prowl rule id of a Sigma rule: `Sigma.<LogType>.<PascalCaseTitle>` (the one id grammar, see
 * detection-id.ts), e.g. the CloudTrail rule titled "Security Hub Disabled" is
 * `Sigma.AWS.CloudTrail.SecurityHubDisabled`. The title (not the file name, nor Sigma's `id`, a UUID
 * in SigmaHQ) is what Sigma authors keep meaningful and unique, and the id reads like the TypeScript
 * pack's with `Sigma.` in front so it never collides with it. Renaming the title changes the id,
 * like renaming a TypeScript rule file does.
 */
export function sigmaRuleId(logType: string, title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  if (name === '') throw new DocumentProblem('document', ['title'], `title "${title}" has no letters or digits to make a rule id from`);
  const id = `${SIGMA_NAMESPACE}.${logType}.${name}`;
  if (!isDetectionId(id))
    throw new DocumentProblem('document', ['title'], `rule id ${id} (from the title) does not keep the detection id grammar: expected ${DETECTION_ID_GRAMMAR}`);
  return id;
}

export function severityOf(level: SigmaRuleDocument['level']): Severity {
  return SEVERITY[level];
}

/** `falsepositives` become the runbook: they are what a responder checks first. */
export function runbookFrom(falsepositives: SigmaRuleDocument['falsepositives']): string {
  const list = (typeof falsepositives === 'string' ? [falsepositives] : (falsepositives ?? [])).map((text) => text.trim()).filter(Boolean);
  if (list.length === 0) return 'The Sigma rule lists no known false positives. Review the matching event and what the same principal did around it.';
  return `Known false positives (from the Sigma rule): ${list.join('; ')}. If the event is none of these, review what the same principal did around it.`;
}

function compileDetection(detection: SigmaRuleDocument['detection']): EventPredicate {
  const searches = new Map<string, EventPredicate>();
  for (const [name, definition] of Object.entries(detection)) {
    if (name === 'condition') continue;
    searches.set(name, compileSearch(definition, ['detection', name]));
  }
  if (searches.size === 0)
    throw new DocumentProblem('document', ['detection'], 'detection has a condition but no search identifiers (e.g. selection: { eventName: StopLogging })');
  const { condition } = detection;
  // A list of conditions is the older Sigma way of writing alternatives: any one matching is a match.
  return typeof condition === 'string'
    ? compileCondition(condition, searches, ['detection', 'condition'])
    : anyOfPredicates(condition.map((one, index) => compileCondition(one, searches, ['detection', 'condition', index])));
}

/** Builds the Prowl rule from a validated Sigma document; throws DocumentProblem on the first mistake. */
export function compileSigmaDocument(document: SigmaRuleDocument, options: CompileOptions = {}): CompiledSigmaRule {
  const logType = logTypeFor(document.logsource);
  const matches = compileDetection(document.detection);
  const title = document.title;
  const sigmaTags = document.tags ?? [];
  const warnings: DocumentProblem[] = [];
  const tags = attackTags(sigmaTags, ({ path, message }) => warnings.push(new DocumentProblem('tags', path, message)));
  const fields = (document.fields ?? []).map((field) => ({ field, get: compileFieldPath(field.split('.')) }));
  const sigmaId = document.id;
  const license = document.license?.trim() || options.license;
  const prefilter = prefilterOf(requirementsOf(matches));
  const identity = identityOf(logType, fields);
  const fixedContext: Record<string, unknown> = Object.freeze({
    ...(sigmaId ? { sigmaId } : {}),
    // Sigma rules are other people's work, most under the DRL, which asks for this attribution wherever a match is shown.
    ...(document.author ? { sigmaAuthor: document.author } : {}),
    ...(license ? { sigmaLicense: license } : {}),
    ...(sigmaTags.length > 0 ? { sigmaTags } : {}),
  });

  const rule: Rule = {
    id: sigmaRuleId(logType, title),
    logTypes: [logType],
    severity: SEVERITY[document.level],
    description: document.description?.trim() || title,
    runbook: runbookFrom(document.falsepositives),
    ...(document.references?.[0] ? { reference: document.references[0] } : {}),
    tags,
    dedupPeriodMinutes: DEFAULT_DEDUP_PERIOD_MINUTES,
    threshold: 1,
    ...(document.author ? { author: document.author } : {}),
    // Deprecated and unsupported rules stay visible (and testable) but do not alert.
    enabled: document.status !== 'deprecated' && document.status !== 'unsupported',
    origin: 'sigma',
    ...(prefilter ? { prefilter } : {}),
    rule: matches,
    ...(license ? { license } : {}),
    title: () => title,
    dedup: identity,
    // Built once: most Sigma rules list no `fields`, so every match shares one frozen context.
    alertContext:
      fields.length === 0
        ? () => fixedContext
        : (event) => ({ ...fixedContext, fields: Object.fromEntries(fields.map(({ field, get }) => [field, get(event) ?? null])) }),
    tests: [],
  };
  return { rule, logType, sigmaId, name: document.name, title, warnings };
}

/** Fields that say who acted where, per log type; other log types fall back to Prowl's indicator lists. */
const ACTOR_AND_TARGET: Partial<Record<LogTypeName, readonly string[]>> = {
  'AWS.CloudTrail': ['recipientAccountId', 'userIdentity.arn'],
};
const INDICATORS = ['p_any_aws_account_ids', 'p_any_aws_arns'];

/**
 * The dedup key of a Sigma rule's alerts: the account and principal (and the rule's `fields`, when
 * it lists them), so alice in one account and bob in another are two alerts, never one that hides
 * the second behind the first's title. Values are JSON-encoded so no value can forge a separator.
 */
function identityOf(logType: LogTypeName, fields: ReadonlyArray<{ field: string; get: (event: unknown) => unknown }>): (event: NormalizedEvent) => string {
  const base = (ACTOR_AND_TARGET[logType] ?? INDICATORS).map((field) => ({ field, get: compileFieldPath(field.split('.')) }));
  const parts = [...base, ...fields.filter(({ field }) => !base.some((one) => one.field === field))];
  return (event) => parts.map(({ field, get }) => `${field}=${shortValue(JSON.stringify(get(event) ?? null))}`).join(' ');
}

/** Past this length a value in a dedup key is replaced by its digest, so a long `fields` value cannot push the principal out of the (bounded) key. */
const MAX_KEY_VALUE = 200;

function shortValue(json: string): string {
  return json.length <= MAX_KEY_VALUE ? json : `sha256:${createHash('sha256').update(json).digest('hex').slice(0, 32)}`;
}
