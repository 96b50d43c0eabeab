import type { z } from 'zod';

/**
 * What search needs to know about one field of a log type: how to compare it and whether names
 * below it are known. Read from the log type's zod schema, so a new log type is searchable
 * without touching search.
 *
 * - `object`: a z.object; only its declared keys may be searched (extra keys a `.loose()` schema
 *   lets through are not in the Glue table either, so allowing them would work on a laptop and
 *   fail in AWS).
 * - `map`: free-form JSON (z.record, z.unknown, z.any); any key below it may be searched.
 * - `list`: an array; searched with "any element" semantics when its elements are scalars.
 * - `json`: a scalar whose type is not fixed (a union of kinds); compared as text.
 */
export type FieldKind = 'string' | 'number' | 'boolean' | 'time' | 'object' | 'map' | 'list' | 'json';

export interface FieldShape {
  kind: FieldKind;
  /**
   * Set on p_event_time and p_parse_time: ISO-8601 UTC in the one format Prowl writes, so comparing
   * the text compares the times and no per-row parsing is needed.
   */
  sortableText?: boolean;
  children?: ReadonlyMap<string, FieldShape>;
  element?: FieldShape;
}

type AnySchema = z.core.$ZodType;
type Def = z.core.$ZodTypes['_zod']['def'];

const JSON_SHAPE: FieldShape = { kind: 'json' };
/** Deep or recursive schemas stop being introspected here and become free-form JSON. */
const MAX_DEPTH = 12;

/** The shape of a zod schema, looking through optional/nullable/default/pipe wrappers. */
export function shapeOf(schema: AnySchema, depth = 0): FieldShape {
  if (depth > MAX_DEPTH) return { kind: 'map' };
  const def = schema._zod.def as Def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return shapeOf(def.innerType, depth);
    case 'pipe':
      // The stored event is the parsed output; the input side tells us what the raw field is when
      // the output is a transform we cannot see into.
      return def.out._zod.def.type === 'transform' ? shapeOf(def.in, depth) : shapeOf(def.out, depth);
    case 'lazy':
      return shapeOf(def.getter(), depth + 1);
    case 'string':
      return { kind: isDateTime(schema) ? 'time' : 'string' };
    case 'number':
    case 'bigint':
    case 'nan':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'time' };
    case 'enum':
      return scalarOf(Object.values(def.entries));
    case 'literal':
      return scalarOf(def.values);
    case 'template_literal':
      return { kind: 'string' };
    case 'object': {
      const children = new Map<string, FieldShape>();
      for (const [key, child] of Object.entries(def.shape)) children.set(key, shapeOf(child, depth + 1));
      return { kind: 'object', children };
    }
    case 'record':
    case 'map':
    case 'unknown':
    case 'any':
    case 'intersection':
      return { kind: 'map' };
    case 'array':
    case 'set':
    case 'tuple':
      return { kind: 'list', element: elementOf(def, depth) };
    case 'union':
      // null and undefined members only make the field optional; they say nothing about its kind.
      return unionOf(def.options.filter((option) => !['null', 'undefined'].includes(option._zod.def.type)).map((option) => shapeOf(option, depth + 1)));
    default:
      return JSON_SHAPE;
  }
}

function elementOf(def: Def, depth: number): FieldShape {
  if (def.type === 'array') return shapeOf(def.element, depth + 1);
  if (def.type === 'set') return shapeOf(def.valueType, depth + 1);
  return JSON_SHAPE;
}

function isDateTime(schema: AnySchema): boolean {
  const def = schema._zod.def as z.core.$ZodStringDef & { format?: string };
  if (def.format === 'datetime') return true;
  return (def.checks ?? []).some((check) => (check._zod.def as { format?: string }).format === 'datetime');
}

function scalarOf(values: readonly unknown[]): FieldShape {
  if (values.length > 0 && values.every((value) => typeof value === 'number')) return { kind: 'number' };
  if (values.length > 0 && values.every((value) => typeof value === 'boolean')) return { kind: 'boolean' };
  return values.every((value) => typeof value === 'string') ? { kind: 'string' } : JSON_SHAPE;
}

/** A union keeps its kind when every option agrees (string | null), otherwise it is compared as JSON text. */
function unionOf(options: FieldShape[]): FieldShape {
  const [first, ...rest] = options;
  if (!first) return JSON_SHAPE;
  if (rest.every((option) => option.kind === first.kind)) {
    if (first.kind === 'object') return { kind: 'map' };
    return first;
  }
  return JSON_SHAPE;
}
