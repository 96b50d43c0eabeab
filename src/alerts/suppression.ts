import { BlockList, isIP } from 'node:net';
import type { DateTime } from 'luxon';
import picomatch from 'picomatch';
import type { NormalizedEvent } from '../logs/log-type';

/** A condition on one event field; all of a suppression's conditions must hold. */
export type Condition =
  | { field: string; op: 'equals'; value: string }
  | { field: string; op: 'glob'; value: string }
  | { field: string; op: 'cidr'; value: string }
  | { field: string; op: 'oneOf'; value: string[] };

/**
 * Silences matches without losing them: scoped to a whole rule, one dedup key, or conditions on
 * event fields, until it expires (or forever). Suppressed matches are counted here.
 */
export interface Suppression {
  id: string;
  ruleId: string;
  dedup?: string;
  conditions: Condition[];
  /** ISO time; absent means it never expires. */
  expiresAt?: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  suppressedCount: number;
  lastSuppressedAt?: string;
  recentBatches: string[];
  version: number;
}

export type SuppressionScope = 'rule' | 'dedup' | 'conditions';

export function scopeOf(suppression: Pick<Suppression, 'dedup' | 'conditions'>): SuppressionScope {
  if (suppression.dedup !== undefined) return 'dedup';
  return suppression.conditions.length > 0 ? 'conditions' : 'rule';
}

export function isActive(suppression: Pick<Suppression, 'expiresAt'>, now: DateTime): boolean {
  return suppression.expiresAt === undefined || now.toUTC().toISO()! < suppression.expiresAt;
}

/** Reads a dotted path (`userIdentity.arn`) from an event; arrays match if any element does. */
export function fieldValues(event: NormalizedEvent, path: string): string[] {
  let current: unknown[] = [event];
  for (const part of path.split('.')) {
    current = current.flatMap((value) => {
      if (value === null || typeof value !== 'object') return [];
      const next = (value as Record<string, unknown>)[part];
      return Array.isArray(next) ? next : [next];
    });
  }
  return current.filter((value) => value !== undefined && value !== null && typeof value !== 'object').map(String);
}

function cidrList(cidr: string): BlockList | undefined {
  const [address, bits] = cidr.split('/');
  const family = isIP(address ?? '');
  if (!family || bits === undefined) return undefined;
  const list = new BlockList();
  list.addSubnet(address!, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
  return list;
}

/** Compiles a condition to a test; globs and CIDRs are built once, not per event. */
export function conditionTest(condition: Condition): (value: string) => boolean {
  switch (condition.op) {
    case 'equals':
      return (value) => value === condition.value;
    case 'oneOf':
      return (value) => condition.value.includes(value);
    case 'glob': {
      const matcher = picomatch(condition.value, { dot: true, nocase: true });
      return (value) => matcher(value);
    }
    case 'cidr': {
      const list = cidrList(condition.value);
      return (value) => {
        const family = isIP(value);
        return list !== undefined && family !== 0 && list.check(value, family === 4 ? 'ipv4' : 'ipv6');
      };
    }
  }
}

export interface CompiledSuppression {
  suppression: Suppression;
  matches(ruleId: string, dedup: string, event: NormalizedEvent): boolean;
}

export function compileSuppression(suppression: Suppression): CompiledSuppression {
  const tests = suppression.conditions.map((condition) => ({ field: condition.field, test: conditionTest(condition) }));
  return {
    suppression,
    matches: (ruleId, dedup, event) =>
      ruleId === suppression.ruleId &&
      (suppression.dedup === undefined || suppression.dedup === dedup) &&
      tests.every(({ field, test }) => fieldValues(event, field).some(test)),
  };
}

/** Human summary: what it silences and until when. */
export function describeSuppression(suppression: Suppression): string {
  const what =
    scopeOf(suppression) === 'rule'
      ? `all of ${suppression.ruleId}`
      : scopeOf(suppression) === 'dedup'
        ? `${suppression.ruleId} for "${suppression.dedup}"`
        : `${suppression.ruleId} where ${suppression.conditions.map(describeCondition).join(' and ')}`;
  const until = suppression.expiresAt ? `until ${suppression.expiresAt}` : 'forever';
  return `${what}, ${until} — ${suppression.reason}`;
}

export function describeCondition(condition: Condition): string {
  switch (condition.op) {
    case 'equals':
      return `${condition.field} = ${condition.value}`;
    case 'glob':
      return `${condition.field} ~ ${condition.value}`;
    case 'cidr':
      return `${condition.field} in ${condition.value}`;
    case 'oneOf':
      return `${condition.field} one of ${condition.value.join(', ')}`;
  }
}
