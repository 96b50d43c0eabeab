import { DateTime } from 'luxon';
import type { Alert } from '../../src/alerts/alert';
import type { MatchGroup } from '../../src/alerts/match-groups';
import { normalize } from '../../src/logs/normalize';
import { cloudTrail } from '../../src/logs/cloudtrail';
import type { NormalizedEvent } from '../../src/logs/log-type';
import { cloudTrailEvent } from '../../src/detect/test-events';

export const T0 = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });

export function normalizedCloudTrail(fields: Parameters<typeof cloudTrailEvent>[0] = {}, position = 1): NormalizedEvent {
  return normalize(
    cloudTrail,
    cloudTrail.schema.parse(cloudTrailEvent(fields)),
    { sourceId: 'test', sourceLabel: 'test', objectId: 'test-object', position },
    T0.toISO()!,
  ) as NormalizedEvent;
}

export function matchGroup(overrides: Partial<MatchGroup> = {}, rule: Partial<MatchGroup['rule']> = {}): MatchGroup {
  const event = normalizedCloudTrail();
  return {
    kind: 'rule',
    rule: { id: 'AWS.CloudTrail.Test', description: 'A test rule.', runbook: 'Look.', tags: ['TA0001:T1078'], dedupPeriodMinutes: 60, threshold: 1, ...rule },
    dedup: 'alice',
    title: 'Something happened',
    severity: 'HIGH',
    context: {},
    count: 1,
    firstSeen: event.p_event_time,
    lastSeen: event.p_event_time,
    logTypes: new Set(['AWS.CloudTrail']),
    samples: [event],
    ...overrides,
  };
}

export function openAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'AWS.CloudTrail.Test-0123456789abcdef',
    kind: 'rule',
    ruleId: 'AWS.CloudTrail.Test',
    dedup: 'alice',
    title: 'Something happened',
    severity: 'HIGH',
    description: 'A test rule.',
    runbook: 'Look.',
    tags: ['TA0001:T1078'],
    logTypes: ['AWS.CloudTrail'],
    status: 'OPEN',
    threshold: 1,
    matchCount: 1,
    windowStart: T0.toISO()!,
    windowEnd: T0.plus({ hours: 1 }).toISO()!,
    firstSeen: T0.toISO()!,
    lastSeen: T0.toISO()!,
    context: {},
    samples: [normalizedCloudTrail()],
    recentBatches: ['b1'],
    createdAt: T0.toISO()!,
    updatedAt: T0.toISO()!,
    version: 1,
    ...overrides,
  };
}
