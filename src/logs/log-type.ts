import type { z } from 'zod';
import type { IndicatorSet } from './indicators';

/**
 * A log type: the schema of one event, where its time is, and which of its fields are indicators.
 * How bytes are split into candidate records is the framing's job (see framing.ts); a log type
 * only judges and describes one record.
 */
export interface LogType<E extends object = Record<string, unknown>> {
  readonly name: string;
  readonly schema: z.ZodType<E>;
  /** False for types that are stored but never detected on (e.g. CloudTrail digests). */
  readonly detect: boolean;
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
