import type { FieldRef, ValueType } from './search-plan';
import { quoteIdentifier, quoteString, type SqlDialect } from './sql-dialect';

/**
 * Athena (engine v3) over the Glue tables. It relies on these column types, which the Glue table
 * definitions must follow:
 * - top-level fields are columns; nested objects are struct<…> (reached as "a"."b");
 * - free-form maps (z.record, such as requestParameters) are string columns holding JSON text;
 * - p_ fields are strings (p_event_time ISO-8601 UTC, so text order is time order) and the
 *   p_any_* indicators are array<string>;
 * - year, month, day, hour are int partition keys (partition projection).
 */
export const athenaDialect: SqlDialect = {
  name: 'athena',
  placeholder: () => '?',
  scalar(field, as) {
    const base = columnPath(field);
    if (field.jsonFrom < field.path.length) {
      const text = `json_extract_scalar(${base}, ${jsonPath(field.path.slice(field.jsonFrom))})`;
      return castText(text, as);
    }
    // Typed columns compare as they are; only times stored as ISO text need parsing.
    return as === 'time' ? `try(from_iso8601_timestamp(${base}))` : base;
  },
  param: (placeholder, as) => (as === 'time' ? `from_iso8601_timestamp(${placeholder})` : placeholder),
  list: (field) => columnPath(field),
  listContains: (list, placeholder) => `contains(${list}, ${placeholder})`,
  listOverlaps: (list, placeholders) => `arrays_overlap(${list}, ARRAY[${placeholders.join(', ')}])`,
  listAny: (list, test) => `any_match(${list}, v -> ${test('v')})`,
  cidr: (expression, block, bind) => `coalesce(contains(${bind(block.text)}, TRY_CAST(${expression} AS IPADDRESS)), false)`,
  project(field) {
    const base = columnPath(field);
    if (field.jsonFrom >= field.path.length) return base;
    const path = jsonPath(field.path.slice(field.jsonFrom));
    // Scalars come back as text, objects and lists as their JSON.
    return `coalesce(json_extract_scalar(${base}, ${path}), json_format(json_extract(${base}, ${path})))`;
  },
  partitionColumn: (name) => quoteIdentifier(name),
};

function castText(text: string, as: ValueType): string {
  switch (as) {
    case 'number':
      return `TRY_CAST(${text} AS DOUBLE)`;
    case 'boolean':
      return `TRY_CAST(${text} AS BOOLEAN)`;
    case 'time':
      return `try(from_iso8601_timestamp(${text}))`;
    default:
      return text;
  }
}

/** The column and struct members before the JSON part: "userIdentity"."sessionContext". */
function columnPath(field: FieldRef): string {
  return field.path.slice(0, field.jsonFrom).map(quoteIdentifier).join('.');
}

/** `$["a"]["b"]`: bracket form so no key is read as JSONPath syntax. */
function jsonPath(path: readonly string[]): string {
  return quoteString(`$${path.map((segment) => `["${segment}"]`).join('')}`);
}
