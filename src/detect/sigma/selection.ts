import type { EventPredicate } from './event-predicate';
import { compileFieldPath, stringLeaves, type FieldGetter } from './field-path';
import { compileFieldReference } from './field-reference';
import { namesComparison, parseModifiers } from './modifiers';
import { allOfRequirements, anyOfRequirements, requirementsOf, withRequirements } from './requirements';
import { DocumentProblem, type DocumentPath } from './sigma-error';
import { compileValues, equalsAny, equalsFolded } from './value-matcher';

export type { EventPredicate };

/**
 * Compiles one search identifier of a Sigma `detection`:
 * - a map is AND over its fields, each field matching any of its values;
 * - a list of maps is OR over the maps;
 * - a list of plain values (or one plain value) is a keyword search.
 */
export function compileSearch(definition: unknown, path: DocumentPath): EventPredicate {
  if (isMap(definition)) return compileFieldMap(definition, path);
  if (Array.isArray(definition)) {
    if (definition.length === 0) throw new DocumentProblem('value', path, 'empty list; a search identifier needs at least one map of fields or one keyword');
    if (definition.every(isMap)) return anyOfPredicates(definition.map((map, index) => compileFieldMap(map, [...path, index])));
    if (definition.every((item) => !isMap(item) && !Array.isArray(item))) return compileKeywords(definition, path);
    throw new DocumentProblem('value', path, 'a list must hold either maps of fields (OR of the maps) or plain keywords, not a mix of both');
  }
  if (typeof definition === 'string' || typeof definition === 'number') return compileKeywords([definition], path);
  throw new DocumentProblem(
    'value',
    path,
    `a search identifier must be a map of fields, a list of maps, or a list of keywords, not ${definition === null ? 'null' : typeof definition}`,
  );
}

function compileFieldMap(map: Record<string, unknown>, path: DocumentPath): EventPredicate {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new DocumentProblem('value', path, 'empty map; give at least one field');
  return allOfPredicates(entries.map(([key, value]) => compileField(key, value, [...path, key])));
}

/** AND of predicates, remembering what each requires of an event (see requirements.ts). */
export function allOfPredicates(predicates: readonly EventPredicate[]): EventPredicate {
  return withRequirements(and(predicates), allOfRequirements(predicates.map(requirementsOf)));
}

/** OR of predicates, remembering what every alternative requires of an event. */
export function anyOfPredicates(predicates: readonly EventPredicate[]): EventPredicate {
  return withRequirements(or(predicates), anyOfRequirements(predicates.map(requirementsOf)));
}

/** `field.path|mod1|mod2: value(s)`; an empty field name (`|contains: ...`) searches keywords with modifiers. */
function compileField(key: string, value: unknown, path: DocumentPath): EventPredicate {
  const [field = '', ...modifierNames] = key.split('|');
  if (field.trim() === '') return compileKeywords(value, path, modifierNames);
  const segments = field.split('.');
  if (segments.some((segment) => segment === '')) throw new DocumentProblem('value', path, `field "${field}" has an empty part; write dotted paths as a.b.c`);
  const modifiers = parseModifiers(modifierNames, path);
  if (modifiers.fieldref) return compileFieldReference(compileFieldPath(segments), value, modifiers, path);
  const compiled = compileValues(value, modifiers, path);
  const [name] = segments;
  const { plain, test, folded } = compiled;
  const required = folded && name !== undefined && segments.length === 1 ? new Map([[name, folded]]) : new Map<string, ReadonlySet<string>>();
  // Fused fast path for `field: plain value(s)` on a top-level field, the bulk of every rule:
  // one call reads and compares, instead of a getter call and a matcher call.
  if (plain && name !== undefined && segments.length === 1 && !(name in Object.prototype)) {
    const [single] = plain;
    if (plain.length === 1 && single !== undefined) {
      return withRequirements((event) => {
        const found = event[name];
        return typeof found === 'string' ? found === single || (found.length === single.length && equalsFolded(found, single)) : test(found);
      }, required);
    }
    return withRequirements((event) => {
      const found = event[name];
      return typeof found === 'string' ? equalsAny(found, plain) : test(found);
    }, required);
  }
  return withRequirements(bind(compileFieldPath(segments), test), required);
}

/**
 * Keywords match against every string in the event (not Prowl's p_ fields). Without a modifier a
 * keyword is a case-insensitive substring, as a full-text search over the raw log line would be.
 */
function compileKeywords(values: unknown, path: DocumentPath, modifierNames: readonly string[] = []): EventPredicate {
  // Substring unless the author chose another comparison (`|re`, `|startswith`, ...).
  const modifiers = parseModifiers(namesComparison(modifierNames) ? modifierNames : [...modifierNames, 'contains'], path);
  if (modifiers.comparison === 'exists') throw new DocumentProblem('modifier', path, '"exists" needs a field; keywords search values, not fields');
  if (modifiers.fieldref || modifiers.timePart || modifiers.negated) {
    throw new DocumentProblem(
      'modifier',
      path,
      `"${modifiers.fieldref ? 'fieldref' : modifiers.negated ? 'neq' : modifiers.timePart}" needs a field; keywords search values, not fields`,
    );
  }
  const list = Array.isArray(values) ? values : [values];
  if (list.some((value) => value === null))
    throw new DocumentProblem('value', path, 'a keyword cannot be null; null only means "field is missing" next to a field name');
  return bind(stringLeaves, compileValues(values, modifiers, path).test);
}

function bind(getter: FieldGetter, predicate: (value: unknown) => boolean): EventPredicate {
  return (event) => predicate(getter(event));
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parts of the AND and OR predicates built here, so nesting flattens: `selection and not filter`,
 * where selection is itself an AND of fields, becomes one AND of all of them, one call shallower.
 */
const AND_PARTS = new WeakMap<EventPredicate, readonly EventPredicate[]>();
const OR_PARTS = new WeakMap<EventPredicate, readonly EventPredicate[]>();

export function and(predicates: readonly EventPredicate[]): EventPredicate {
  const parts = predicates.flatMap((predicate) => AND_PARTS.get(predicate) ?? [predicate]);
  if (parts.length === 1) return parts[0]!;
  const [a, b, c, d] = parts as [EventPredicate, EventPredicate, EventPredicate, EventPredicate];
  // Written out for short lists (the common case) so the engine can inline the calls.
  const all: EventPredicate =
    parts.length === 2
      ? (event) => a(event) && b(event)
      : parts.length === 3
        ? (event) => a(event) && b(event) && c(event)
        : parts.length === 4
          ? (event) => a(event) && b(event) && c(event) && d(event)
          : (event) => {
              for (const part of parts) if (!part(event)) return false;
              return true;
            };
  AND_PARTS.set(all, parts);
  return all;
}

export function or(predicates: readonly EventPredicate[]): EventPredicate {
  const parts = predicates.flatMap((predicate) => OR_PARTS.get(predicate) ?? [predicate]);
  if (parts.length === 1) return parts[0]!;
  const [a, b, c, d] = parts as [EventPredicate, EventPredicate, EventPredicate, EventPredicate];
  const any: EventPredicate =
    parts.length === 2
      ? (event) => a(event) || b(event)
      : parts.length === 3
        ? (event) => a(event) || b(event) || c(event)
        : parts.length === 4
          ? (event) => a(event) || b(event) || c(event) || d(event)
          : (event) => {
              for (const part of parts) if (part(event)) return true;
              return false;
            };
  OR_PARTS.set(any, parts);
  return any;
}
