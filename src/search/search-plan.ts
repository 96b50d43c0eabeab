import type { SearchableLogType } from './search-catalog';
import type { PartitionDay, TimeRange } from './time-range';

/**
 * A search after it has been checked against the log types: every field is known, every value is
 * typed. This is what the compiler turns into SQL; it holds no SQL itself, so one plan compiles to
 * either dialect.
 */

/** A value bound to a query parameter. User text only ever reaches SQL as one of these. */
export type SqlParam = string | number | boolean;

/** How a value is compared: decides the casts on both sides. */
export type ValueType = 'text' | 'number' | 'boolean' | 'time' | 'stamp';

export interface FieldRef {
  /** Dotted name as resolved against the schema (case corrected); also the result column name. */
  name: string;
  path: readonly string[];
  /**
   * Index of the first segment inside free-form JSON (a z.record such as requestParameters);
   * equals path.length when the whole path is columns and struct members.
   */
  jsonFrom: number;
  /** True for arrays of scalars (the p_any_* indicators): tests match when any element matches. */
  list: boolean;
  /** Objects, maps and lists of objects can be shown but not compared. */
  comparable: boolean;
}

export interface CidrBlock {
  /** Normalized `address/prefix`. */
  text: string;
  version: 4 | 6;
  /** IPv4 only: the first and last address as integers, for range checks in plain SQL. */
  first?: number;
  last?: number;
}

export type Test =
  | { kind: 'equals'; as: ValueType; value: SqlParam }
  | { kind: 'oneOf'; as: ValueType; values: SqlParam[] }
  /** A LIKE pattern, already lowercased and escaped with backslash; compared against lower(field). */
  | { kind: 'glob'; pattern: string }
  | { kind: 'compare'; as: ValueType; op: '>' | '>=' | '<' | '<='; value: SqlParam }
  | { kind: 'cidr'; block: CidrBlock };

export type Condition =
  | { kind: 'test'; field: FieldRef; test: Test }
  | { kind: 'or'; conditions: Condition[] }
  /** Negation that keeps rows where the field is missing: `errorCode != X` includes rows with no errorCode. */
  | { kind: 'not'; condition: Condition };

export interface SearchPlan {
  /** The log type searched, or every log type for `any`. */
  sources: readonly SearchableLogType[];
  any: boolean;
  range: TimeRange;
  days: PartitionDay[];
  /** All must hold. */
  conditions: Condition[];
  columns: FieldRef[];
  limit: number;
}

export const EVENT_TIME: FieldRef = { name: 'p_event_time', path: ['p_event_time'], jsonFrom: 1, list: false, comparable: true };

/** Breaks ties between events of the same p_event_time, so a result's order never depends on the layout read. */
export const ROW_ID: FieldRef = { name: 'p_row_id', path: ['p_row_id'], jsonFrom: 1, list: false, comparable: true };
