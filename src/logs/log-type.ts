import type { z } from 'zod';
import type { IndicatorSet } from './indicators';

/**
 * What a line parser says about one line of a line-oriented log: a record to validate, a line
 * that carries no record (a header, which may change how later lines are read), or why the line
 * is not this log type.
 */
export type LineVerdict = { record: Record<string, unknown> } | { skip: true } | { error: string };

/** Parses lines of one object. Made fresh per object because some formats (VPC flow) carry state from a header line. */
export type LineParser = (line: string) => LineVerdict;

/**
 * How an object's bytes become candidate records for a log type.
 * - `json`: JSON values (a `{"Records":[…]}` document, JSON lines, or one document); `unwrap`
 *   takes the record out of an envelope (EventBridge) and returns anything else unchanged.
 * - `lines`: one record per text line, read by a parser made for each object.
 */
export type Framing = { kind: 'json'; unwrap?: (value: unknown) => unknown } | { kind: 'lines'; createParser: () => LineParser };

/**
 * A log type: how its records are framed, the schema of one event, where its time is, and which
 * of its fields are indicators.
 */
export interface LogType<E extends object = Record<string, unknown>> {
  readonly name: string;
  readonly schema: z.ZodType<E>;
  readonly framing: Framing;
  /** False for types that are stored but never detected on (e.g. CloudTrail digests). */
  readonly detect: boolean;
  /**
   * A catch-all (any EventBridge event): tried only after every other type of the source has
   * refused the record, so it never takes a record a more specific type would claim.
   */
  readonly fallback?: boolean;
  /**
   * Nested fields searches commonly filter on (dotted paths, e.g. `userIdentity.arn`). Compacted
   * Parquet written by DuckDB stores each as its own column beside its object, so a search on one
   * reads that small column instead of the whole object.
   */
  readonly columnarFields?: readonly string[];
  eventTime(event: E): string | undefined;
  indicators(event: E, found: IndicatorSet): void;
}

/** The p_ fields Prowl adds to every event; the log type's own fields are kept unchanged. */
export interface StandardFields {
  p_log_type: string;
  p_row_id: string;
  p_event_time: string;
  p_parse_time: string;
  p_source_id: string;
  p_source_label: string;
  p_any_ip_addresses?: string[];
  p_any_domain_names?: string[];
  p_any_aws_account_ids?: string[];
  p_any_aws_arns?: string[];
  p_any_aws_instance_ids?: string[];
  p_any_aws_tags?: string[];
  p_any_usernames?: string[];
  p_any_emails?: string[];
  p_any_trace_ids?: string[];
  p_any_sha256_hashes?: string[];
  p_any_md5_hashes?: string[];
}

export type NormalizedEvent<E extends object = Record<string, unknown>> = E & StandardFields;

/** Snake-case table name for a log type: AWS.CloudTrail → aws_cloudtrail. */
export function tableName(logType: string): string {
  return logType.replace(/\./g, '_').toLowerCase();
}
