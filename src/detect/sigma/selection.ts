import { compileFieldPath, stringLeaves, type FieldGetter } from './field-path';
import { namesComparison, parseModifiers } from './modifiers';
import { DocumentProblem, type DocumentPath } from './sigma-error';
import { compileValues } from './value-matcher';

/** A compiled search identifier (or any part of one): true when the event matches it. */
export type EventPredicate = (event: unknown) => boolean;

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
    if (definition.every(isMap)) return or(definition.map((map, index) => compileFieldMap(map, [...path, index])));
    if (definition.every((item) => !isMap(item) && !Array.isArray(item))) return compileKeywords(definition, path);
    throw new DocumentProblem('value', path, 'a list must hold either maps of fields (OR of the maps) or plain keywords, not a mix of both');
  }
  if (typeof definition === 'string' || typeof definition === 'number') return compileKeywords([definition], path);
  throw new DocumentProblem('value', path, `a search identifier must be a map of fields, a list of maps, or a list of keywords, not ${definition === null ? 'null' : typeof definition}`);
}

function compileFieldMap(map: Record<string, unknown>, path: DocumentPath): EventPredicate {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new DocumentProblem('value', path, 'empty map; give at least one field');
  return and(entries.map(([key, value]) => compileField(key, value, [...path, key])));
}

/** `field.path|mod1|mod2: value(s)`; an empty field name (`|contains: ...`) searches keywords with modifiers. */
function compileField(key: string, value: unknown, path: DocumentPath): EventPredicate {
  const [field = '', ...modifierNames] = key.split('|');
  if (field.trim() === '') return compileKeywords(value, path, modifierNames);
  const segments = field.split('.');
  if (segments.some((segment) => segment === '')) throw new DocumentProblem('value', path, `field "${field}" has an empty part; write dotted paths as a.b.c`);
  const modifiers = parseModifiers(modifierNames, path);
  return bind(compileFieldPath(segments), compileValues(value, modifiers, path));
}

/**
 * Keywords match against every string in the event (not Prowl's p_ fields). Without a modifier a
 * keyword is a case-insensitive substring, as a full-text search over the raw log line would be.
 */
function compileKeywords(values: unknown, path: DocumentPath, modifierNames: readonly string[] = []): EventPredicate {
  // Substring unless the author chose another comparison (`|re`, `|startswith`, ...).
  const modifiers = parseModifiers(namesComparison(modifierNames) ? modifierNames : [...modifierNames, 'contains'], path);
  if (modifiers.comparison === 'exists') throw new DocumentProblem('modifier', path, '"exists" needs a field; keywords search values, not fields');
  const list = Array.isArray(values) ? values : [values];
  if (list.some((value) => value === null)) throw new DocumentProblem('value', path, 'a keyword cannot be null; null only means "field is missing" next to a field name');
  return bind(stringLeaves as FieldGetter, compileValues(values, modifiers, path));
}

function bind(getter: FieldGetter, predicate: (value: unknown) => boolean): EventPredicate {
  return (event) => predicate(getter(event));
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function and(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1) return predicates[0]!;
  if (predicates.length === 2) {
    const [first, second] = predicates as [EventPredicate, EventPredicate];
    return (event) => first(event) && second(event);
  }
  return (event) => {
    for (const predicate of predicates) if (!predicate(event)) return false;
    return true;
  };
}

export function or(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1) return predicates[0]!;
  if (predicates.length === 2) {
    const [first, second] = predicates as [EventPredicate, EventPredicate];
    return (event) => first(event) || second(event);
  }
  return (event) => {
    for (const predicate of predicates) if (predicate(event)) return true;
    return false;
  };
}
