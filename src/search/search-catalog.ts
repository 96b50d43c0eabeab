import { ProwlError } from '../errors';
import { INDICATOR_FIELDS } from '../logs/indicators';
import { tableName, type LogType } from '../logs/log-type';
import { allLogTypes } from '../logs/registry';
import { shapeOf, type FieldShape } from './field-shape';

/** A log type as search sees it: where its rows live and which fields it has (its own plus p_ fields). */
export interface SearchableLogType {
  name: string;
  table: string;
  fields: ReadonlyMap<string, FieldShape>;
  /** Nested fields with their own column in DuckDB-written Parquet (the log type's columnarFields), dotted. */
  columnar: readonly string[];
}

export interface SearchCatalog {
  readonly logTypes: readonly SearchableLogType[];
  /** By exact name, case-insensitive name (aws.cloudtrail) or table name (aws_cloudtrail). */
  find(name: string): SearchableLogType | undefined;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;
const TEXT: FieldShape = { kind: 'string' };
const STAMP: FieldShape = { kind: 'time', sortableText: true };
const TEXT_LIST: FieldShape = { kind: 'list', element: TEXT };

/** The fields Prowl adds to every event (see StandardFields), searchable on every log type and on `any`. */
export const STANDARD_FIELDS: ReadonlyMap<string, FieldShape> = new Map<string, FieldShape>([
  ['p_log_type', TEXT],
  ['p_row_id', TEXT],
  ['p_event_time', STAMP],
  ['p_parse_time', STAMP],
  ['p_source_id', TEXT],
  ['p_source_label', TEXT],
  ...INDICATOR_FIELDS.map((field): [string, FieldShape] => [field, TEXT_LIST]),
]);

/**
 * Builds the catalog from log types; the default is every registered type, read at call time so
 * types added to the registry are searchable without a change here.
 */
export function createSearchCatalog(logTypes: readonly LogType[] = allLogTypes()): SearchCatalog {
  const entries = logTypes.map(toSearchable);
  return {
    logTypes: entries,
    find(name) {
      const lower = name.toLowerCase();
      return entries.find((entry) => entry.name === name) ?? entries.find((entry) => entry.name.toLowerCase() === lower || entry.table === lower);
    },
  };
}

function toSearchable(logType: LogType): SearchableLogType {
  const table = tableName(logType.name);
  // The table name is spliced into SQL as an identifier, so it must be one; a log type whose name
  // cannot become one is a configuration mistake, reported as such.
  if (!TABLE_NAME.test(table)) {
    throw new ProwlError(
      'prowl_config_invalid',
      `log type "${logType.name}" cannot be searched: its table name "${table}" must be lowercase letters, digits and _`,
    );
  }
  const shape = shapeOf(logType.schema);
  const own = shape.kind === 'object' && shape.children ? shape.children : new Map<string, FieldShape>();
  const columnar = logType.columnarFields ?? [];
  for (const path of columnar) {
    if (!isNestedField(own, path.split('.'))) {
      throw new ProwlError(
        'prowl_config_invalid',
        `log type "${logType.name}": columnar field "${path}" must name a field inside one of its objects (a dotted path of declared keys)`,
      );
    }
  }
  // p_ fields win over a same-named field of the log type: they are what Prowl wrote.
  return { name: logType.name, table, fields: new Map([...own, ...STANDARD_FIELDS]), columnar };
}

/** A path of two or more declared object keys (a compacted column is only worth it below an object). */
function isNestedField(fields: ReadonlyMap<string, FieldShape>, path: readonly string[]): boolean {
  let children: ReadonlyMap<string, FieldShape> | undefined = fields;
  let shape: FieldShape | undefined;
  for (const segment of path) {
    shape = children?.get(segment);
    if (!shape) return false;
    children = shape.kind === 'object' ? shape.children : undefined;
  }
  return path.length > 1 && shape !== undefined;
}
