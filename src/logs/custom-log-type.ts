import { z } from 'zod';
import { describeIssues } from '../config/zod-issues';
import { ProwlError } from '../errors';
import type { IndicatorSet } from './indicators';
import type { LogType } from './log-type';
import { isoFromUnixSeconds, isoTimeSchema, toUtcIso } from './time';

/**
 * Custom JSON log types, declared in configuration (see `customLogTypeSchema`), e.g.
 *
 *   logTypes:
 *     - name: Custom.AppAudit
 *       eventTime: occurred_at
 *       fields:
 *         - { name: occurred_at, type: timestamp, required: true }
 *         - { name: actor, type: object, fields: [{ name: email, type: string, indicators: [email] }] }
 *         - { name: client_ip, type: string, indicators: [ip] }
 *         - { name: action, type: string, required: true }
 *
 * Records are JSON (JSON lines, concatenated JSON or a `{"Records":[…]}` document), framed like
 * every JSON log type.
 */

export const FIELD_TYPES = ['string', 'int', 'float', 'boolean', 'timestamp', 'object', 'array', 'json'] as const;
export const INDICATOR_KINDS = [
  'ip',
  'domain',
  'aws_account_id',
  'aws_arn',
  'aws_instance_id',
  'aws_tag',
  'username',
  'email',
  'trace_id',
  'sha256',
  'md5',
] as const;
export const TIME_FORMATS = ['rfc3339', 'unix', 'unix_ms'] as const;

type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface FieldDeclaration {
  name: string;
  type: (typeof FIELD_TYPES)[number];
  // `| undefined` on each: zod's parsed optionals carry it, and declarations are what zod parsed.
  required?: boolean | undefined;
  description?: string | undefined;
  /** timestamp only; rfc3339 when omitted. */
  timeFormat?: (typeof TIME_FORMATS)[number] | undefined;
  /** string fields, or arrays of strings. */
  indicators?: IndicatorKind[] | undefined;
  /** object only: its fields. */
  fields?: FieldDeclaration[] | undefined;
  /** array only: what each element is (its `name` is ignored). */
  element?: (Omit<FieldDeclaration, 'name' | 'required'> & { name?: string | undefined }) | undefined;
}

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_@$-]*$/, 'expected a JSON key of letters, digits, _, -, @ or $');

const elementSchema: z.ZodType<NonNullable<FieldDeclaration['element']>> = z.lazy(() =>
  z
    .object({
      name: fieldName.optional(),
      type: z.enum(FIELD_TYPES),
      description: z.string().optional(),
      timeFormat: z.enum(TIME_FORMATS).optional(),
      indicators: z.array(z.enum(INDICATOR_KINDS)).optional(),
      fields: z.array(fieldSchema).optional(),
      element: elementSchema.optional(),
    })
    .strict(),
);

const fieldSchema: z.ZodType<FieldDeclaration> = z.lazy(() =>
  z
    .object({
      name: fieldName,
      type: z.enum(FIELD_TYPES),
      required: z.boolean().optional(),
      description: z.string().optional(),
      timeFormat: z.enum(TIME_FORMATS).optional(),
      indicators: z.array(z.enum(INDICATOR_KINDS)).optional(),
      fields: z.array(fieldSchema).optional(),
      element: elementSchema.optional(),
    })
    .strict(),
);

export const customLogTypeSchema = z
  .object({
    name: z.string().regex(/^Custom\.[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*$/, 'expected "Custom." and a capitalized name, e.g. "Custom.AppAudit"'),
    description: z.string().optional(),
    /** Dotted path to a timestamp field; events without it get the parse time. */
    eventTime: z.string().min(1).optional(),
    /** Stored but not run through detections (like CloudTrail digests). */
    detect: z.boolean().default(true),
    /** keep: fields not declared pass through; reject: a record with one is quarantined. */
    unknownFields: z.enum(['keep', 'reject']).default('keep'),
    fields: z.array(fieldSchema).min(1, 'declare at least one field'),
  })
  .strict()
  .superRefine((declaration, context) => {
    for (const problem of problemsIn(declaration.fields, '')) context.addIssue({ code: 'custom', message: problem.message, path: ['fields', ...problem.path] });
    if (declaration.eventTime !== undefined) {
      const field = fieldAt(declaration.fields, declaration.eventTime.split('.'));
      if (field?.type !== 'timestamp') {
        context.addIssue({
          code: 'custom',
          path: ['eventTime'],
          message: `"${declaration.eventTime}" is not a declared timestamp field; name one, like "time" or "request.received_at"`,
        });
      }
    }
  });

export type CustomLogTypeDeclaration = z.input<typeof customLogTypeSchema>;
type ValidDeclaration = z.output<typeof customLogTypeSchema>;

/** Rules a field declaration must follow that its shape alone cannot say. */
function problemsIn(fields: readonly FieldDeclaration[], at: string): Array<{ path: Array<string | number>; message: string }> {
  const problems: Array<{ path: Array<string | number>; message: string }> = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const where = at ? `${at}.${field.name}` : field.name;
    if (seen.has(field.name)) problems.push({ path: [index, 'name'], message: `field "${where}" is declared twice` });
    seen.add(field.name);
    problems.push(...shapeProblems(field, where).map((message) => ({ path: [index], message })));
    if (field.fields)
      problems.push(...problemsIn(field.fields, where).map((problem) => ({ path: [index, 'fields', ...problem.path], message: problem.message })));
  });
  return problems;
}

function shapeProblems(field: Omit<FieldDeclaration, 'name'>, where: string): string[] {
  const problems: string[] = [];
  if (field.type === 'object' && !field.fields?.length) problems.push(`"${where}" is an object: list its fields (or use type json for free-form data)`);
  if (field.type !== 'object' && field.fields) problems.push(`"${where}" has fields but is of type ${field.type}; only objects have fields`);
  if (field.type === 'array' && !field.element) problems.push(`"${where}" is an array: say what each element is with element: { type: … }`);
  if (field.type !== 'array' && field.element) problems.push(`"${where}" has an element but is of type ${field.type}; only arrays have elements`);
  if (field.type !== 'timestamp' && field.timeFormat) problems.push(`"${where}" has a timeFormat but is of type ${field.type}; only timestamps have one`);
  const stringy = field.type === 'string' || (field.type === 'array' && field.element?.type === 'string');
  if (field.indicators?.length && !stringy) problems.push(`"${where}" is of type ${field.type}; indicators are read from string fields or arrays of strings`);
  if (field.element) problems.push(...shapeProblems(field.element, `${where}[]`));
  return problems;
}

function fieldAt(fields: readonly FieldDeclaration[], path: string[]): FieldDeclaration | undefined {
  const [head, ...rest] = path;
  const field = fields.find((candidate) => candidate.name === head);
  if (!field || rest.length === 0) return field;
  return field.fields ? fieldAt(field.fields, rest) : undefined;
}

function valueSchema(field: Omit<FieldDeclaration, 'name'>, unknownFields: 'keep' | 'reject'): z.ZodType {
  switch (field.type) {
    case 'string':
      return z.string();
    case 'int':
      return z.number().int();
    case 'float':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'timestamp':
      return (field.timeFormat ?? 'rfc3339') === 'rfc3339' ? isoTimeSchema() : z.number();
    case 'json':
      return z.unknown();
    case 'array':
      return z.array(valueSchema(field.element!, unknownFields));
    case 'object':
      return objectSchema(field.fields ?? [], unknownFields);
  }
}

function objectSchema(fields: readonly FieldDeclaration[], unknownFields: 'keep' | 'reject'): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = valueSchema(field, unknownFields);
    shape[field.name] = field.required ? schema : schema.nullish();
  }
  const object = z.object(shape);
  return unknownFields === 'keep' ? object.loose() : object.strict();
}

const ADD: Record<IndicatorKind, (found: IndicatorSet, value: unknown) => void> = {
  ip: (found, value) => found.ip(value),
  domain: (found, value) => found.domain(value),
  aws_account_id: (found, value) => found.account(value),
  aws_arn: (found, value) => found.arn(value),
  aws_instance_id: (found, value) => found.instanceId(value),
  // A tag field holds "key:value" or just a key.
  aws_tag: (found, value) => {
    if (typeof value !== 'string') return;
    const colon = value.indexOf(':');
    if (colon === -1) found.tag(value, '');
    else found.tag(value.slice(0, colon), value.slice(colon + 1));
  },
  username: (found, value) => found.username(value),
  email: (found, value) => found.email(value),
  trace_id: (found, value) => found.traceId(value),
  sha256: (found, value) => found.hash(value),
  md5: (found, value) => found.hash(value),
};

interface IndicatorPath {
  path: string[];
  kinds: IndicatorKind[];
}

/** Every declared indicator with the path to its field; arrays along the path are walked element by element. */
function indicatorPaths(fields: readonly FieldDeclaration[], prefix: string[]): IndicatorPath[] {
  return fields.flatMap((field) => {
    const path = [...prefix, field.name];
    const own = field.indicators?.length ? [{ path, kinds: field.indicators }] : [];
    const element = field.element;
    const nested = field.fields ? indicatorPaths(field.fields, path) : element?.fields ? indicatorPaths(element.fields, path) : [];
    const elementOwn = element?.indicators?.length ? [{ path, kinds: element.indicators }] : [];
    return [...own, ...elementOwn, ...nested];
  });
}

function valuesAt(value: unknown, path: readonly string[], from = 0): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path, from));
  if (from === path.length) return [value];
  if (typeof value !== 'object' || value === null) return [];
  return valuesAt((value as Record<string, unknown>)[path[from]!], path, from + 1);
}

function eventTimeReader(declaration: ValidDeclaration): (event: Record<string, unknown>) => string | undefined {
  if (declaration.eventTime === undefined) return () => undefined;
  const path = declaration.eventTime.split('.');
  const format = fieldAt(declaration.fields, path)?.timeFormat ?? 'rfc3339';
  return (event) => {
    const value = valuesAt(event, path)[0];
    if (format === 'rfc3339') return toUtcIso(value);
    if (typeof value !== 'number') return undefined;
    return isoFromUnixSeconds(format === 'unix' ? value : value / 1000);
  };
}

/** Validates a declaration (as configuration loading would) and builds its log type. */
export function buildCustomLogType(declaration: unknown): LogType {
  const parsed = customLogTypeSchema.safeParse(declaration);
  if (!parsed.success) {
    const name = typeof declaration === 'object' && declaration !== null ? (declaration as { name?: unknown }).name : undefined;
    throw new ProwlError('prowl_config_invalid', `custom log type ${typeof name === 'string' ? `"${name}" ` : ''}is invalid:\n${describeIssues(parsed.error)}`);
  }
  const valid = parsed.data;
  const indicators = indicatorPaths(valid.fields, []);
  return {
    name: valid.name,
    schema: objectSchema(valid.fields, valid.unknownFields) as z.ZodType<Record<string, unknown>>,
    framing: { kind: 'json' },
    detect: valid.detect,
    eventTime: eventTimeReader(valid),
    indicators(event, found) {
      for (const { path, kinds } of indicators) {
        for (const value of valuesAt(event, path)) for (const kind of kinds) ADD[kind](found, value);
      }
    },
  };
}
