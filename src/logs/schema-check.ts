import type { z } from 'zod';

/**
 * A fast yes/no check compiled from a zod schema, for the hot path: zod's parse builds a full
 * copy of every record, which for CloudTrail costs about as much as JSON.parse itself. The check
 * copies nothing; a record it accepts is one zod would accept and return unchanged, so the record
 * can be used as it is. It says no whenever in doubt, and the caller then asks zod (for the
 * verdict and the reasons). Schemas using anything outside the subset below get no check at all.
 *
 * Supported: string (length bounds, pattern-based formats), number (safe integer, bounds),
 * boolean, null, enum, literal, optional, nullable, array, record, unknown, and objects that keep
 * or reject unknown keys (`.loose()`, `.strict()`, `.catchall()`); not plain objects, which strip
 * unknown keys and so change the record.
 */
export type SchemaCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  check?: string;
  [key: string]: unknown;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

// Formats zod checks with its pattern alone; others (url, email…) may check more, so they get no fast check.
const PATTERN_FORMATS = new Set(['regex', 'starts_with', 'ends_with', 'includes', 'datetime']);

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function checksOf(def: Def): CheckDef[] {
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  // Some schemas (z.iso.datetime(), z.int()) carry their own check on the definition itself.
  if (typeof def.check === 'string') checks.unshift(def as unknown as CheckDef);
  return checks;
}

function stringCheck(def: Def): SchemaCheck | undefined {
  const tests: Array<(value: string) => boolean> = [];
  for (const check of checksOf(def)) {
    if (check.check === 'min_length' && typeof check.minimum === 'number') {
      const minimum = check.minimum;
      tests.push((value) => value.length >= minimum);
    } else if (check.check === 'max_length' && typeof check.maximum === 'number') {
      const maximum = check.maximum;
      tests.push((value) => value.length <= maximum);
    } else if (check.check === 'string_format' && check.format && PATTERN_FORMATS.has(check.format) && check.pattern instanceof RegExp) {
      const pattern = new RegExp(check.pattern.source, check.pattern.flags.replace(/[gy]/g, ''));
      tests.push((value) => pattern.test(value));
    } else {
      return undefined;
    }
  }
  return passesAll('string', tests);
}

/** A type test plus bounds, with the common cases (no bound, one bound) not paying for a loop. */
function passesAll<T>(type: 'string' | 'number', tests: Array<(value: T) => boolean>): SchemaCheck {
  const [only] = tests;
  if (tests.length === 0) return type === 'string' ? (value) => typeof value === 'string' : (value) => typeof value === 'number' && Number.isFinite(value);
  const typed = type === 'string' ? (value: unknown) => typeof value === 'string' : (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (tests.length === 1) return (value) => typed(value) && only!(value as T);
  return (value) => {
    if (!typed(value)) return false;
    for (const test of tests) if (!test(value as T)) return false;
    return true;
  };
}

function numberCheck(def: Def): SchemaCheck | undefined {
  const tests: Array<(value: number) => boolean> = [];
  for (const check of checksOf(def)) {
    if (check.check === 'number_format' && check.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (check.check === 'greater_than' && typeof check.value === 'number') {
      const bound = check.value;
      tests.push(check.inclusive ? (value) => value >= bound : (value) => value > bound);
    } else if (check.check === 'less_than' && typeof check.value === 'number') {
      const bound = check.value;
      tests.push(check.inclusive ? (value) => value <= bound : (value) => value < bound);
    } else return undefined;
  }
  return passesAll('number', tests);
}

/**
 * A JSON object the fast path can vouch for. JSON.parse makes "__proto__" an own key, which zod's
 * copy of the object would lose (assigning it sets the prototype), so such an object is left to
 * zod: the fast path only accepts what zod would accept unchanged.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');
}

function objectCheck(def: Def): SchemaCheck | undefined {
  if (!def['catchall']) return undefined; // strips unknown keys: the record would change
  const shape = def['shape'] as Record<string, unknown>;
  const keys = Object.keys(shape);
  const fields: SchemaCheck[] = [];
  for (const key of keys) {
    const check = compileSchemaCheck(shape[key]);
    if (!check) return undefined;
    fields.push(check);
  }
  const catchallType = defOf(def['catchall']).type;
  const known = new Set(keys);
  let extra: SchemaCheck | undefined;
  if (catchallType !== 'unknown' && catchallType !== 'any') {
    extra = catchallType === 'never' ? () => false : compileSchemaCheck(def['catchall']);
    if (!extra) return undefined;
  }
  const extraCheck = extra;
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (let i = 0; i < keys.length; i++) if (!fields[i]!(value[keys[i]!])) return false;
    if (extraCheck) {
      for (const key in value) if (!known.has(key) && !extraCheck(value[key])) return false;
    }
    return true;
  };
}

/** Compiles the check, or returns undefined when the schema uses something outside the subset. */
export function compileSchemaCheck(schema: unknown): SchemaCheck | undefined {
  const def = defOf(schema);
  const hasChecks = (def.checks?.length ?? 0) > 0;
  switch (def.type) {
    case 'string':
      return stringCheck(def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      return hasChecks ? undefined : (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'unknown':
    case 'any':
      return hasChecks ? undefined : () => true;
    case 'enum': {
      const values = new Set(Object.values(def['entries'] as Record<string, unknown>));
      return (value) => values.has(value);
    }
    case 'literal': {
      const values = new Set(def['values'] as unknown[]);
      return (value) => values.has(value);
    }
    case 'optional':
    case 'nullable': {
      const inner = compileSchemaCheck(def['innerType']);
      if (!inner) return undefined;
      return def.type === 'optional' ? (value) => value === undefined || inner(value) : (value) => value === null || inner(value);
    }
    case 'array': {
      const element = hasChecks ? undefined : compileSchemaCheck(def['element']);
      if (!element) return undefined;
      return (value) => Array.isArray(value) && value.every((item) => element(item));
    }
    case 'record': {
      const keyDef = defOf(def['keyType']);
      const item = keyDef.type === 'string' && !keyDef.checks?.length && !hasChecks ? compileSchemaCheck(def['valueType']) : undefined;
      if (!item) return undefined;
      return (value) => {
        if (!isPlainObject(value)) return false;
        for (const key in value) if (!item(value[key])) return false;
        return true;
      };
    }
    case 'object':
      return hasChecks ? undefined : objectCheck(def);
    default:
      return undefined;
  }
}

/** Compiled once per schema and kept. */
const cache = new WeakMap<object, SchemaCheck | null>();

export function schemaCheckFor(schema: z.ZodType): SchemaCheck | undefined {
  let check = cache.get(schema);
  if (check === undefined) {
    check = compileSchemaCheck(schema) ?? null;
    cache.set(schema, check);
  }
  return check ?? undefined;
}
