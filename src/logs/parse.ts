import type { z } from 'zod';
import { describeIssues } from '../config/zod-issues';
import { jsonCandidates, type Candidate } from './framing';
import type { LogType, NormalizedEvent } from './log-type';
import { normalize, type RecordOrigin } from './normalize';

export type ParsedRecord =
  | { kind: 'event'; logType: LogType; event: NormalizedEvent }
  | { kind: 'quarantined'; position: number; reason: string; raw: string };

export interface ParseOptions {
  logTypes: LogType[];
  origin: Omit<RecordOrigin, 'position'>;
  parseTime: string;
}

const MAX_QUARANTINED_RAW = 64 * 1024;

function rawText(candidate: Candidate): string {
  const raw = 'raw' in candidate ? candidate.raw : JSON.stringify(candidate.value) ?? String(candidate.value);
  return raw.length > MAX_QUARANTINED_RAW ? `${raw.slice(0, MAX_QUARANTINED_RAW)}…(truncated)` : raw;
}

/** Tries each log type in order; the first whose schema accepts the record wins. */
function classify(value: unknown, logTypes: LogType[]): { logType: LogType; event: Record<string, unknown> } | { reason: string } {
  const rejections: string[] = [];
  for (const logType of logTypes) {
    const unwrap = logType.framing.kind === 'json' ? logType.framing.unwrap : undefined;
    const result = (logType.schema as z.ZodType<Record<string, unknown>>).safeParse(unwrap ? unwrap(value) : value);
    if (result.success) return { logType, event: result.data };
    rejections.push(`${logType.name}: ${describeIssues(result.error).replace(/\n/g, '; ')}`);
  }
  return { reason: `no log type accepted the record (${rejections.join(' | ')})` };
}

/** Parses an object's bytes into normalized events and quarantined records, in order. */
export async function* parseObject(chunks: AsyncIterable<Buffer>, options: ParseOptions): AsyncGenerator<ParsedRecord> {
  for await (const candidate of jsonCandidates(chunks)) {
    if ('error' in candidate) {
      yield { kind: 'quarantined', position: candidate.position, reason: candidate.error, raw: rawText(candidate) };
      continue;
    }
    const verdict = classify(candidate.value, options.logTypes);
    if ('reason' in verdict) {
      yield { kind: 'quarantined', position: candidate.position, reason: verdict.reason, raw: rawText(candidate) };
      continue;
    }
    const origin = { ...options.origin, position: candidate.position };
    yield { kind: 'event', logType: verdict.logType, event: normalize(verdict.logType, verdict.event, origin, options.parseTime) };
  }
}
