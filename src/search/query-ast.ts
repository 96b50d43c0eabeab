/**
 * The syntax tree of one search, exactly as typed: names and values are still text. Checking them
 * against a log type's schema is resolve-query's job, so the parser needs no catalog and its
 * errors are only about shape.
 */

/** Character offsets into the query text, end exclusive; errors point at them. */
export interface Span {
  start: number;
  end: number;
}

export const COMPARISON_OPERATORS = ['=', '!=', '~', '!~', '>', '>=', '<', '<='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type Operator = ComparisonOperator | 'in';

export interface ValueNode {
  text: string;
  /** Quoting only groups characters (spaces, commas, parentheses); it never changes meaning. */
  quoted: boolean;
  span: Span;
}

export interface FieldNode {
  /** Dotted path split into segments, each already checked against the identifier grammar. */
  path: string[];
  text: string;
  span: Span;
}

export type FilterNode =
  | { field: FieldNode; op: ComparisonOperator; value: ValueNode; span: Span }
  | { field: FieldNode; op: 'in'; values: ValueNode[]; span: Span };

export type TimeUnit = 'm' | 'h' | 'd';

export type TimeNode = { kind: 'last'; amount: number; unit: TimeUnit; span: Span } | { kind: 'since'; since: ValueNode; until?: ValueNode; span: Span };

export type SourceNode = { kind: 'any'; span: Span } | { kind: 'logType'; name: string; span: Span };

export interface QueryNode {
  text: string;
  source: SourceNode;
  filters: FilterNode[];
  time?: TimeNode;
  limit?: { value: number; span: Span };
  fields?: FieldNode[];
}
