import type { EventPredicate } from './event-predicate';

/**
 * What an event must hold for a predicate to be true: top-level fields, each with the lower-cased
 * values one of which it must equal. `eventName: [StopLogging, DeleteTrail]` requires eventName ∈
 * {stoplogging, deletetrail}. Kept beside each compiled predicate so the engine can skip rules an
 * event cannot match without running them; a predicate with no entry requires nothing known.
 */
export type Requirements = ReadonlyMap<string, ReadonlySet<string>>;

const NONE: Requirements = new Map();
const REQUIRED = new WeakMap<EventPredicate, Requirements>();

export function withRequirements(predicate: EventPredicate, requirements: Requirements): EventPredicate {
  if (requirements.size > 0) REQUIRED.set(predicate, requirements);
  return predicate;
}

export function requirementsOf(predicate: EventPredicate): Requirements {
  return REQUIRED.get(predicate) ?? NONE;
}

/** All must hold: every field any of them requires, with the values both allow where two require the same field. */
export function allOfRequirements(list: readonly Requirements[]): Requirements {
  const merged = new Map<string, ReadonlySet<string>>();
  for (const requirements of list) {
    for (const [field, values] of requirements) {
      const existing = merged.get(field);
      merged.set(field, existing ? new Set([...existing].filter((value) => values.has(value))) : values);
    }
  }
  return merged;
}

/** One must hold: only fields every alternative requires, with any value one of them allows. */
export function anyOfRequirements(list: readonly Requirements[]): Requirements {
  const [first, ...rest] = list;
  if (!first) return NONE;
  const merged = new Map<string, ReadonlySet<string>>();
  for (const [field, values] of first) {
    if (!rest.every((requirements) => requirements.has(field))) continue;
    merged.set(field, new Set([...values, ...rest.flatMap((requirements) => [...requirements.get(field)!])]));
  }
  return merged;
}

/** Fields an index serves best first: CloudTrail's eventName splits rules finest. */
const PREFERRED = ['eventName', 'eventSource'];

/** The one requirement the engine indexes a rule by, if the rule has any. */
export function prefilterOf(requirements: Requirements): { field: string; values: ReadonlySet<string> } | undefined {
  const field = PREFERRED.find((name) => requirements.has(name)) ?? [...requirements.keys()].sort()[0];
  return field === undefined ? undefined : { field, values: requirements.get(field)! };
}
