import type { Severity } from '../config/severity';
import type { Match, RuleFailure } from '../detect/engine';
import type { Rule } from '../detect/rule';
import type { NormalizedEvent } from '../logs/log-type';

/** All matches of one (rule, dedup key) in one batch: written to the store once, not per event. */
export interface MatchGroup {
  kind: 'rule' | 'rule-error' | 'system';
  rule: Pick<Rule, 'id' | 'description' | 'runbook' | 'reference' | 'tags' | 'author' | 'license' | 'team' | 'dedupPeriodMinutes' | 'threshold'>;
  dedup: string;
  title: string;
  severity: Severity;
  context: Record<string, unknown>;
  count: number;
  firstSeen: string;
  lastSeen: string;
  logTypes: Set<string>;
  samples: NormalizedEvent[];
  /** Present when the rule's threshold counts distinct values: every value this batch's matches added. */
  values?: Set<string>;
}

/** The synthetic rule that carries rule errors to the ops channel. */
export const RULE_ERROR_RULE: MatchGroup['rule'] = {
  id: 'Prowl.RuleError',
  description: 'A detection threw an error or ran over its time budget. Other rules and events were not affected.',
  runbook: 'Read the error and the sample event, fix the rule, add the event to its tests, and replay the affected logs with `prowl replay`.',
  tags: [],
  dedupPeriodMinutes: 60,
  threshold: 1,
};

/** The synthetic rule behind system alerts: a log source Prowl cannot read. */
export const SOURCE_FAILING_RULE: MatchGroup['rule'] = {
  id: 'Prowl.SourceFailing',
  description:
    'Prowl could not read objects from a log source, so its events are not being parsed, stored or detected on. The objects are retried and then kept in the ingest dead-letter queue.',
  runbook:
    "Read the reason. Access denied: check the bucket policy and KMS key grant Prowl's ingest role read access. Missing objects: check lifecycle rules on the source bucket. Corrupt gzip: check what writes to the prefix. Once fixed, redrive the ingest DLQ.",
  tags: [],
  dedupPeriodMinutes: 60,
  threshold: 1,
};

/** The synthetic rule behind the system alert for alerts that could not be stored. */
export const ALERT_WRITE_FAILING_RULE: MatchGroup['rule'] = {
  id: 'Prowl.AlertWriteFailing',
  description:
    'Prowl could not store an alert found in a log object. The other alerts of that object were stored and posted; the object is retried, and kept in the ingest dead-letter queue if it keeps failing.',
  runbook:
    "Read the reason and the function's log. Throttling or a DynamoDB outage clears by itself on retry. Anything else: report it with the reason, then redrive the ingest DLQ once fixed.",
  tags: [],
  dedupPeriodMinutes: 60,
  threshold: 1,
};

/** A system alert for a rule whose alert could not be stored: one per rule per window, counted. */
export function alertWriteFailingGroup(ruleId: string, reason: string, at: string): MatchGroup {
  return {
    kind: 'system',
    rule: ALERT_WRITE_FAILING_RULE,
    dedup: ruleId,
    title: `Alerts of ${ruleId} could not be stored`,
    severity: 'HIGH',
    context: { ruleId, reason },
    count: 1,
    firstSeen: at,
    lastSeen: at,
    logTypes: new Set(),
    samples: [],
  };
}

/** A system alert for a source whose object could not be read: one per source per window, counted. */
export function sourceFailingGroup(source: string, reason: string, at: string): MatchGroup {
  return {
    kind: 'system',
    rule: SOURCE_FAILING_RULE,
    dedup: source,
    title: `Log source ${source} is failing`,
    severity: 'HIGH',
    context: { source, reason },
    count: 1,
    firstSeen: at,
    lastSeen: at,
    logTypes: new Set(),
    samples: [],
  };
}

export class MatchGroups {
  private readonly groups = new Map<string, MatchGroup>();

  constructor(private readonly sampleLimit: number) {}

  private add(key: string, create: () => MatchGroup, event: NormalizedEvent): void {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = create()));
    group.count += 1;
    group.logTypes.add(event.p_log_type);
    if (event.p_event_time < group.firstSeen) group.firstSeen = event.p_event_time;
    if (event.p_event_time > group.lastSeen) group.lastSeen = event.p_event_time;
    if (group.samples.length < this.sampleLimit) group.samples.push(event);
  }

  addMatch(match: Match): void {
    this.add(
      `${match.rule.id}\u0000${match.dedup}`,
      () => ({
        kind: 'rule',
        rule: match.rule,
        dedup: match.dedup,
        title: match.title,
        severity: match.severity,
        context: match.context,
        count: 0,
        firstSeen: match.event.p_event_time,
        lastSeen: match.event.p_event_time,
        logTypes: new Set(),
        samples: [],
        ...(match.values ? { values: new Set<string>() } : {}),
      }),
      match.event,
    );
    const values = this.groups.get(`${match.rule.id}\u0000${match.dedup}`)?.values;
    for (const value of match.values ?? []) values?.add(value);
  }

  /** One rule-error alert per (rule, error kind), however many events tripped it. */
  addFailure(failure: RuleFailure): void {
    const dedup = `${failure.ruleId} ${failure.kind}`;
    this.add(
      `${RULE_ERROR_RULE.id}\u0000${dedup}`,
      () => ({
        kind: 'rule-error',
        rule: RULE_ERROR_RULE,
        dedup,
        title: `Rule ${failure.ruleId} failed: ${failure.kind}`,
        severity: 'HIGH',
        context: { ruleId: failure.ruleId, kind: failure.kind, error: failure.message },
        count: 0,
        firstSeen: failure.event.p_event_time,
        lastSeen: failure.event.p_event_time,
        logTypes: new Set(),
        samples: [],
      }),
      failure.event,
    );
  }

  list(): MatchGroup[] {
    return [...this.groups.values()];
  }
}
